package com.redpacket.settlement.packet;

import com.redpacket.contracts.events.Topics;
import com.redpacket.infra.TestInfra;
import com.redpacket.settlement.AbstractSettlementIT;
import io.micrometer.core.instrument.Counter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.redpacket.settlement.packet.ClaimCreditingIT.claim;
import static com.redpacket.settlement.packet.ClaimCreditingIT.wechatPayment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poison message among a storm's claims on packet.events, which settlement consumes a poll at a time: the batch
 * fails, its events are done one at a time, the claims before and after the poison are credited once each, and the
 * poison alone goes to packet.events.DLT with the error in its headers, counted in
 * {@code redpacket.events.dead.letter}. Nothing is dropped and nothing is held up for good.
 */
class PoisonEventIT extends AbstractSettlementIT {

    @Test
    void aPoisonMessageAmongClaimsIsDeadLetteredAndTheClaimsAroundItAreCreditedOnce() throws Exception {
        long sender = newId();
        long packet = newId();
        List<Long> receivers = new ArrayList<>();
        publish(wechatPayment(packet, sender, 60));
        awaitFunded(packet);
        String key = Long.toString(packet);
        String poison = "{\"eventType\": \"PacketClaimed\", this is not JSON " + packet;
        double deadLettersBefore = deadLetterCount();
        for (int seq = 1; seq <= 6; seq++) {
            long receiver = newId();
            receivers.add(receiver);
            publish(claim(packet, sender, seq, receiver, 10));
            if (seq == 3) {
                kafka.send(new ProducerRecord<>(Topics.PACKET_EVENTS, key, poison)).get();
            }
        }

        for (long receiver : receivers) {
            awaitBalance(receiver, 10);
        }
        try (KafkaConsumer<String, String> dlt = TestInfra.freshConsumer(Topics.PACKET_EVENTS + Topics.DEAD_LETTER_SUFFIX)) {
            ConsumerRecord<String, String> dead = awaitRecord(dlt, poison, Duration.ofSeconds(60));
            assertThat(dead.key()).isEqualTo(key);
            assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.PACKET_EVENTS);
            assertThat(header(dead, "kafka_dlt-exception-stacktrace")).as("the error travels with the message")
                    .contains("of the batch").contains("tools.jackson");
        }
        deadLettersExpected.incrementAndGet();
        assertThat(deadLetterCount() - deadLettersBefore).as("dead letters counted").isEqualTo(1.0);
        assertThat(count("SELECT COUNT(*) FROM ledger_txn WHERE kind = 'PACKET_GRABBED' AND ref_id = ?", packet))
                .as("each claim credited once").isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM packet_claim WHERE packet_id = ? AND credited_at IS NOT NULL", packet))
                .isEqualTo(6);
    }

    private void awaitFunded(long packet) {
        org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> count(
                "SELECT COUNT(*) FROM packet_escrow WHERE packet_id = ? AND funded_at IS NOT NULL", packet) == 1);
    }

    private double deadLetterCount() {
        return meters.find("redpacket.events.dead.letter").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static ConsumerRecord<String, String> awaitRecord(KafkaConsumer<String, String> consumer, String value,
                                                              Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (value.equals(record.value())) {
                    return record;
                }
            }
        }
        throw new AssertionError("not dead-lettered within " + timeout + ": " + value);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
