package com.redpacket.platform;

import com.redpacket.contracts.events.PacketClaimed;
import com.redpacket.platform.inbox.Inbox;
import com.redpacket.platform.outbox.OutboxWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The times the platform writes keep their microseconds on MariaDB as on MySQL (SqlTime): each stored time lies
 * between the instants taken just before and just after its write, to the microsecond. A driver that dropped the
 * fraction would store the whole second, before the write began.
 */
class TimePrecisionIT extends AbstractPlatformIT {
    private static final int WRITES = 5;

    @Autowired
    OutboxWriter outbox;
    @Autowired
    Inbox inbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOutboxRowKeepsTheMicrosecondsOfItsWritingAndOfItsPublishing() {
        List<Instant> created = new ArrayList<>();
        List<Instant> published = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
            PacketClaimed event = PacketClaimed.of(uniquePacketId(), 7L, 1, 1001L, 100L, Instant.now());
            Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
            tx.executeWithoutResult(s -> outbox.write(event));
            Instant after = Instant.now();
            Instant createdAt = time("SELECT created_at FROM outbox_event WHERE event_id = ?", event.eventId());
            assertThat(createdAt).isBetween(before, after);
            created.add(createdAt);

            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM outbox_event WHERE event_id = ? AND published_at IS NOT NULL")
                    .param(event.eventId()).query(Long.class).single() == 1);
            Instant publishedAt = time("SELECT published_at FROM outbox_event WHERE event_id = ?", event.eventId());
            assertThat(publishedAt).isBetween(createdAt, Instant.now());
            published.add(publishedAt);
        }
        assertThat(created).as("created_at has a fraction").anyMatch(t -> t.getNano() != 0);
        assertThat(published).as("published_at has a fraction").anyMatch(t -> t.getNano() != 0);
    }

    @Test
    void theInboxRecordsWhenAnEventWasProcessedToTheMicrosecond() {
        String consumer = "precision-" + UUID.randomUUID();
        List<Instant> processed = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
            String eventId = UUID.randomUUID().toString();
            Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Boolean first = tx.execute(s -> inbox.markFirst(consumer, eventId));
            Instant after = Instant.now();
            assertThat(first).isTrue();
            Instant processedAt = time("SELECT processed_at FROM processed_event WHERE consumer = ? AND event_id = ?",
                    consumer, eventId);
            assertThat(processedAt).isBetween(before, after);
            processed.add(processedAt);
        }
        assertThat(processed).as("processed_at has a fraction").anyMatch(t -> t.getNano() != 0);
    }

    private Instant time(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query((rs, i) -> rs.getTimestamp(1).toInstant()).single();
    }

    private static long uniquePacketId() {
        return Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + 1;
    }
}
