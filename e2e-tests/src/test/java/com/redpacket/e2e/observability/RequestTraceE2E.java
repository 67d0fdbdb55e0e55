package com.redpacket.e2e.observability;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.packets.Packets;
import com.redpacket.e2e.support.Groups;
import com.redpacket.e2e.support.TestGroup;
import com.redpacket.e2e.support.TestUser;
import com.redpacket.e2e.support.Users;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One grab followed through the logs as ops would: the request id the client chose, and the trace the gateway began,
 * in the gateway's line, grab-service's, packet-service's (the claim grab-service made) and settlement-service's (the
 * PacketClaimed event it consumed, published later by packet-service's outbox relay). Every line is
 * {@code [requestId,traceId,spanId]}. The logs are dev/up's, {@code REDPACKET_LOG_DIR} (default .run/logs).
 */
class RequestTraceE2E {
    private static final Path LOGS = Path.of(Api.env("REDPACKET_LOG_DIR",
            Api.env("REDPACKET_RUN_DIR", Path.of("..", ".run").toString()) + "/logs"));

    @Test
    void aGrabsRequestIdAndTraceIdAreInEveryLogLineFromTheGatewayToTheSettlementConsumer() {
        TestUser sender = Users.register();
        TestUser alice = Users.register();
        TestGroup group = Groups.create(sender, alice);
        String packet = Packets.sendAppConfirmed(sender, group.id(), 1, 100);
        String requestId = "e2e-trace-" + UUID.randomUUID();

        Api.Answer grabbed = Api.gateway().post("/api/packets/" + packet + "/grab", alice.token(), null,
                Map.of("X-Request-Id", requestId));
        assertThat(grabbed.status()).as(grabbed.body()).isEqualTo(200);
        assertThat(grabbed.json().get("outcome").asString()).isEqualTo("GRABBED");
        assertThat(grabbed.header("X-Request-Id")).isEqualTo(requestId);

        String grabLine = "POST /api/packets/" + packet + "/grab 200";
        String traceId = await().atMost(Duration.ofSeconds(10))
                .until(() -> traceIn("gateway", requestId, grabLine), id -> id != null);
        String ids = "[" + requestId + "," + traceId + ",";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(lines("grab-service", ids)).as("grab-service").anyMatch(l -> l.contains(grabLine));
            assertThat(lines("packet-service", ids)).as("packet-service: the claim")
                    .anyMatch(l -> l.contains("POST /internal/packets/" + packet + "/claims 200"));
            assertThat(lines("settlement-service", ids)).as("settlement-service: the consumed event")
                    .anyMatch(l -> l.contains("PacketClaimed") && l.contains(" processed "));
        });
    }

    /** The trace id on {@code service}'s line for this request that contains {@code what}, or null. */
    private static String traceIn(String service, String requestId, String what) {
        Pattern ids = Pattern.compile("\\[" + Pattern.quote(requestId) + ",([0-9a-f]{32}),[0-9a-f]{16}]");
        for (String line : lines(service, "[" + requestId + ",")) {
            Matcher m = ids.matcher(line);
            if (line.contains(what) && m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static List<String> lines(String service, String containing) {
        Path log = LOGS.resolve(service + ".log");
        assertThat(log).as("dev/up's log of %s (set REDPACKET_LOG_DIR to where the logs are)", service).exists();
        // ids and the words looked for are ASCII: any byte sequence reads, whatever else a line holds
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains(containing)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
