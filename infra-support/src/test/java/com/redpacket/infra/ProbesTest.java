package com.redpacket.infra;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProbesTest {

    @Test
    void pongIsRedis() {
        assertThat(Probes.redisReply("+PONG").state()).isEqualTo(Presence.State.ANSWERS);
    }

    @Test
    void aRedisThatWantsAPasswordOrAnotherServerIsForeign() {
        assertThat(Probes.redisReply("-NOAUTH Authentication required.").state()).isEqualTo(Presence.State.FOREIGN);
        assertThat(Probes.redisReply("HTTP/1.1 400 Bad Request").state()).isEqualTo(Presence.State.FOREIGN);
        assertThat(Probes.redisReply("").state()).isEqualTo(Presence.State.FOREIGN);
    }

    @Test
    void apiVersionsRequestIsAFramedV0Request() {
        ByteBuffer request = ByteBuffer.wrap(Probes.apiVersionsRequest(42));
        assertThat(request.getInt()).isEqualTo(request.capacity() - 4);
        assertThat(request.getShort()).as("api key ApiVersions").isEqualTo((short) 18);
        assertThat(request.getShort()).as("api version").isZero();
        assertThat(request.getInt()).as("correlation id").isEqualTo(42);
        byte[] clientId = new byte[request.getShort()];
        request.get(clientId);
        assertThat(new String(clientId, StandardCharsets.US_ASCII)).isEqualTo("redpacket-probe");
        assertThat(request.hasRemaining()).isFalse();
    }

    @Test
    void aResponseWithOurCorrelationIdIsKafkaEvenWithAnError() {
        assertThat(Probes.kafkaReply(response(42, (short) 0), 42).state()).isEqualTo(Presence.State.ANSWERS);
        Presence unsupported = Probes.kafkaReply(response(42, (short) 35), 42);
        assertThat(unsupported.state()).isEqualTo(Presence.State.ANSWERS);
        assertThat(unsupported.detail()).contains("error 35");
    }

    @Test
    void anotherCorrelationIdOrATruncatedFrameIsForeign() {
        assertThat(Probes.kafkaReply(response(7, (short) 0), 42).state()).isEqualTo(Presence.State.FOREIGN);
        assertThat(Probes.kafkaReply(ByteBuffer.wrap(new byte[]{0, 0, 0}), 42).state())
                .isEqualTo(Presence.State.FOREIGN);
    }

    private static ByteBuffer response(int correlationId, short error) {
        ByteBuffer body = ByteBuffer.allocate(10).putInt(correlationId).putShort(error).putInt(0);
        return body.flip();
    }
}
