package com.redpacket.settlement.packet;

import com.redpacket.contracts.events.ClaimCredited;
import com.redpacket.contracts.events.Topics;
import com.redpacket.infra.TestInfra;
import com.redpacket.platform.inbox.Inbox;
import com.redpacket.platform.outbox.OutboxRelay;
import com.redpacket.settlement.AbstractSettlementIT;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static com.redpacket.settlement.packet.ClaimCreditingIT.claim;
import static com.redpacket.settlement.packet.ClaimCreditingIT.wechatPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * settlement's own outbox: the relay dies after Kafka acknowledged a batch of ClaimCredited events but before it
 * marked them published, is restarted, and publishes them again. Every ClaimCredited reaches Kafka at least once,
 * and a consumer using the platform inbox (as packet-service does) applies each exactly once.
 */
class OutboxRelayCrashIT extends AbstractSettlementIT {
    private static final int SHARES = 12;

    @Autowired
    OutboxRelay relay;
    @Autowired
    Inbox inbox;

    @Test
    void claimCreditedEventsArePublishedAtLeastOnceAndAppliedOnce() {
        long packet = newId();
        long sender = newId();
        jdbc.sql("""
                CREATE TRIGGER settlement_outbox_mark_fails BEFORE UPDATE ON outbox_event FOR EACH ROW
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'relay died after the ack, before marking'""").update();
        try {
            publish(wechatPayment(packet, sender, SHARES * 10L));
            for (int seq = 1; seq <= SHARES; seq++) {
                publish(claim(packet, sender, seq, newId(), 10));
            }
            List<ConsumerRecord<String, String>> firstRound = consume(packet, SHARES);
            assertThat(firstRound).hasSizeGreaterThanOrEqualTo(SHARES);
            relay.stop();
        } finally {
            jdbc.sql("DROP TRIGGER settlement_outbox_mark_fails").update();
        }
        assertThat(unpublished(packet)).as("none was marked before the relay died").isEqualTo(SHARES);
        relay.start();
        await().atMost(PATIENCE).until(() -> unpublished(packet) == 0);

        List<ConsumerRecord<String, String>> delivered = consume(packet, 2 * SHARES);
        assertThat(delivered).hasSizeGreaterThanOrEqualTo(2 * SHARES);
        Map<Integer, AtomicInteger> applied = new ConcurrentHashMap<>();
        String consumer = "packet-service-" + packet;
        for (ConsumerRecord<String, String> record : delivered) {
            inbox.process(consumer, record, event -> applied
                    .computeIfAbsent(((ClaimCredited) event).seq(), k -> new AtomicInteger()).incrementAndGet());
        }
        assertThat(applied).hasSize(SHARES);
        assertThat(applied.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }

    private long unpublished(long packet) {
        return count("SELECT COUNT(*) FROM outbox_event WHERE msg_key = ? AND published_at IS NULL",
                Long.toString(packet));
    }

    /** Reads settlement.events from the start with a fresh group until {@code expected} records of the packet came. */
    private static List<ConsumerRecord<String, String>> consume(long packet, int expected) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.SETTLEMENT_EVENTS));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (Long.toString(packet).equals(r.key())) {
                        records.add(r);
                    }
                }
            }
        }
        return records;
    }
}
