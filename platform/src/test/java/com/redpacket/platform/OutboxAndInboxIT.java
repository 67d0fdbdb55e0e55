package com.redpacket.platform;

import com.redpacket.contracts.events.DomainEvent;
import com.redpacket.contracts.events.PacketClaimed;
import com.redpacket.infra.TestInfra;
import com.redpacket.platform.inbox.Inbox;
import com.redpacket.platform.outbox.OutboxRelay;
import com.redpacket.platform.outbox.OutboxWriter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The outbox publishes what committed (and nothing that rolled back), survives a failure between the broker's ack and
 * the "published" mark by publishing again, and the inbox turns those repeats into exactly one effect.
 */
class OutboxAndInboxIT extends AbstractPlatformIT {
    @Autowired
    OutboxWriter outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    Inbox inbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void committedEventsArePublishedAndRolledBackOnesAreNot() {
        long packetId = uniquePacketId();
        writeClaims(packetId, 20);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            outbox.write(claim(packetId, 99));
            throw new IllegalStateException("business step failed");
        })).isInstanceOf(IllegalStateException.class);

        List<PacketClaimed> seen = consumeClaims(packetId, 20, Duration.ofSeconds(30));
        assertThat(seen).extracting(PacketClaimed::seq).containsExactlyInAnyOrderElementsOf(range(1, 20));
        assertThat(pending(packetId)).isZero();
    }

    @Test
    void aFailureBetweenAckAndMarkRepublishesAndTheInboxAppliesOnce() {
        long packetId = uniquePacketId();
        whileMarkingFails(() -> {
            writeClaims(packetId, 30);
            List<PacketClaimed> firstRound = consumeClaims(packetId, 30, Duration.ofSeconds(30));
            assertThat(firstRound).extracting(PacketClaimed::seq).containsAll(range(1, 30));
            assertThat(pending(packetId)).isEqualTo(30);
        });
        List<ConsumerRecord<String, String>> delivered = consumeRecords(packetId, 60, Duration.ofSeconds(30));
        assertThat(delivered).hasSizeGreaterThanOrEqualTo(60);
        assertThat(pending(packetId)).isZero();

        String consumer = "test-" + packetId;
        Map<Integer, AtomicInteger> applied = new ConcurrentHashMap<>();
        for (ConsumerRecord<String, String> record : delivered) {
            inbox.process(consumer, record, event -> applied
                    .computeIfAbsent(((PacketClaimed) event).seq(), k -> new AtomicInteger()).incrementAndGet());
        }
        assertThat(applied).hasSize(30);
        assertThat(applied.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }

    @Test
    void whilePublishingFailsTheLagGaugesTellHowFarBehindTheOutboxIs() {
        long packetId = uniquePacketId();
        whileMarkingFails(() -> {
            writeClaims(packetId, 10);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(meters.get("redpacket.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(10);
                assertThat(meters.get("redpacket.outbox.oldest.age").gauge().value()).isPositive();
            });
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(packetId) == 0);
    }

    @Test
    void writingAnEventDoesNotWaitForTheRelaysOpenTransaction() {
        long packetId = uniquePacketId();
        // the relay's "published" mark takes seconds: its transaction (and its locks) stay open that long
        jdbc.sql("CREATE TRIGGER outbox_mark_slow BEFORE UPDATE ON outbox_event FOR EACH ROW SET @slept = SLEEP(5)")
                .update();
        try {
            tx.executeWithoutResult(s -> outbox.write(claim(packetId, 1)));
            consumeRecords(packetId, 1, Duration.ofSeconds(30));

            long start = System.nanoTime();
            tx.executeWithoutResult(s -> outbox.write(claim(packetId, 2)));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).as("a business transaction is not held up by the relay").isLessThan(Duration.ofSeconds(1));
        } finally {
            jdbc.sql("DROP TRIGGER outbox_mark_slow").update();
        }
        assertThat(consumeRecords(packetId, 2, Duration.ofSeconds(30))).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aHandlerFailureLeavesTheEventUnprocessedForTheRetry() {
        long packetId = uniquePacketId();
        tx.executeWithoutResult(s -> outbox.write(claim(packetId, 1)));
        ConsumerRecord<String, String> record = consumeRecords(packetId, 1, Duration.ofSeconds(30)).getFirst();
        String consumer = "test-fail-" + packetId;
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> inbox.process(consumer, record, e -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("database hiccup");
        })).isInstanceOf(IllegalStateException.class);
        inbox.process(consumer, record, e -> attempts.incrementAndGet());
        inbox.process(consumer, record, e -> attempts.incrementAndGet());
        assertThat(attempts.get()).isEqualTo(2);
    }

    @Test
    void aBatchAppliesEachEventOnceAndAFailureIsPinnedOnItsEventWithTheOnesBeforeItCommitted() {
        long packetId = uniquePacketId();
        var json = new com.redpacket.platform.events.EventJson();
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        for (PacketClaimed event : List.of(claim(packetId, 1), claim(packetId, 1), claim(packetId, 2))) {
            batch.add(new ConsumerRecord<>("packet.events", 0, batch.size(), Long.toString(packetId), json.write(event)));
        }
        String consumer = "test-batch-" + packetId;
        List<Integer> applied = new ArrayList<>();
        inbox.processBatch(consumer, "test", batch, e -> applied.add(((PacketClaimed) e).seq()));
        inbox.processBatch(consumer, "test", batch, e -> applied.add(((PacketClaimed) e).seq()));
        assertThat(applied).as("a duplicate inside the batch and the whole batch redelivered change nothing")
                .containsExactly(1, 2);

        String failing = "test-batch-fail-" + packetId;
        List<ConsumerRecord<String, String>> three = List.of(batch.get(0), batch.get(2),
                new ConsumerRecord<>("packet.events", 0, 3, Long.toString(packetId), json.write(claim(packetId, 3))));
        List<Integer> committed = new ArrayList<>();
        assertThatThrownBy(() -> inbox.processBatch(failing, "test", three, e -> {
            int seq = ((PacketClaimed) e).seq();
            if (seq == 2) {
                throw new IllegalStateException("share 2 cannot be applied");
            }
            committed.add(seq);
        })).isInstanceOfSatisfying(org.springframework.kafka.listener.BatchListenerFailedException.class,
                e -> assertThat(e.getIndex()).isEqualTo(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE consumer = :c").param("c", failing)
                .query(Long.class).single()).as("only the event before the failing one is recorded").isEqualTo(1);
        inbox.processBatch(failing, "test", three.subList(1, 3), e -> committed.add(((PacketClaimed) e).seq()));
        assertThat(committed).as("the batch's first try is rolled back; one at a time applies 1, then 2 and 3 "
                + "on the redelivery").containsExactly(1, 1, 2, 3);
    }

    /**
     * Runs {@code during} while the relay's "published" mark fails after Kafka acknowledged its batch: the same as a
     * relay killed at that point, again and again.
     */
    private void whileMarkingFails(Runnable during) {
        jdbc.sql("""
                CREATE TRIGGER outbox_mark_fails BEFORE UPDATE ON outbox_event FOR EACH ROW
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'relay died before marking'""").update();
        try {
            during.run();
        } finally {
            jdbc.sql("DROP TRIGGER outbox_mark_fails").update();
        }
    }

    private void writeClaims(long packetId, int count) {
        tx.executeWithoutResult(s -> {
            for (int seq = 1; seq <= count; seq++) {
                outbox.write(claim(packetId, seq));
            }
        });
    }

    private static PacketClaimed claim(long packetId, int seq) {
        return PacketClaimed.of(packetId, 7L, seq, 1000L + seq, 100L * seq, Instant.now());
    }

    private long pending(long packetId) {
        relay.wakeUp();
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE msg_key = :k AND published_at IS NULL")
                .param("k", Long.toString(packetId)).query(Long.class).single();
    }

    private List<PacketClaimed> consumeClaims(long packetId, int expected, Duration timeout) {
        var json = new com.redpacket.platform.events.EventJson();
        List<PacketClaimed> claims = new ArrayList<>();
        for (ConsumerRecord<String, String> r : consumeRecords(packetId, expected, timeout)) {
            DomainEvent event = json.read(r.value()).orElseThrow();
            claims.add((PacketClaimed) event);
        }
        return claims;
    }

    /** Reads packet.events from the beginning with a fresh group until {@code expected} records of this packet arrived. */
    private static List<ConsumerRecord<String, String>> consumeRecords(long packetId, int expected, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = TestInfra.freshConsumer("packet.events")) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (Long.toString(packetId).equals(r.key())) {
                        records.add(r);
                    }
                }
            }
            // a little longer, to catch anything that should not be there
            long settle = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < settle) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (Long.toString(packetId).equals(r.key())) {
                        records.add(r);
                    }
                }
            }
        }
        return records;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> list = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            list.add(i);
        }
        return list;
    }

    private static long uniquePacketId() {
        return Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + 1;
    }
}
