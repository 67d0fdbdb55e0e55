package com.redpacket.platform.outbox;

import com.redpacket.platform.jdbc.SqlTime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import static org.springframework.core.NestedExceptionUtils.getMostSpecificCause;

/**
 * Publishes outbox rows to Kafka, oldest first, and marks them published only after the broker acknowledged them
 * ({@code acks=all}, idempotent producer). Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances
 * can run relays side by side. A crash between the send and the mark republishes the batch: at least once, and the
 * consumers' inbox makes it effectively once. Each record continues the trace its row was written in
 * ({@link OutboxTracing}). How far the outbox is behind ({@code redpacket.outbox.pending}, {@code .oldest.age}) is
 * measured every few seconds, also while publishing fails, which is when it matters.
 */
public class OutboxRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties props;
    private final OutboxTracing tracing;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeMs = new AtomicLong();
    private Counter published;
    private volatile boolean signalled;
    private volatile boolean running;
    private Thread thread;
    private Instant lastHousekeeping = Instant.EPOCH;
    private Instant lastMeasured = Instant.EPOCH;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka,
                       OutboxProperties props, OutboxTracing tracing, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.kafka = kafka;
        this.props = props;
        this.tracing = tracing;
        if (meters != null) {
            published = Counter.builder("redpacket.outbox.published").description("events published from the outbox")
                    .register(meters);
            Gauge.builder("redpacket.outbox.pending", pending, AtomicLong::get)
                    .description("outbox rows not yet acknowledged by Kafka").register(meters);
            Gauge.builder("redpacket.outbox.oldest.age", oldestAgeMs, a -> a.get() / 1000.0).baseUnit("seconds")
                    .description("age of the oldest unpublished outbox row").register(meters);
        }
    }

    /** Called after a transaction that wrote an event commits. */
    public void wakeUp() {
        signalled = true;
        lock.lock();
        try {
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Publishes one batch; returns how many rows it published. Visible for tests that drive the relay by hand. */
    public int publishBatch() {
        Integer count = tx.execute(status -> {
            List<Row> rows = jdbc.sql("""
                            SELECT id, event_id, topic, msg_key, event_type, payload, request_id, trace_context,
                                   created_at
                            FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT :limit
                            FOR UPDATE SKIP LOCKED""")
                    .param("limit", props.batchSize())
                    .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getTimestamp(9).toInstant()))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(rows.size());
            List<OutboxTracing.Publication> spans = new ArrayList<>(rows.size());
            for (Row row : rows) {
                ProducerRecord<String, String> record = row.toRecord();
                spans.add(tracing.publish(record, row.eventId(), row.traceContext(), row.createdAt()));
                sends.add(kafka.send(record));
            }
            try {
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                        .get(props.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                spans.forEach(span -> span.end(e));
                throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
            }
            spans.forEach(span -> span.end(null));
            jdbc.sql("UPDATE outbox_event SET published_at = :now WHERE id IN (:ids)")
                    .param("now", SqlTime.literal(Instant.now()))
                    .param("ids", rows.stream().map(Row::id).toList())
                    .update();
            return rows.size();
        });
        int n = count == null ? 0 : count;
        if (n > 0 && published != null) {
            published.increment(n);
        }
        return n;
    }

    private void loop() {
        Duration backoff = props.pollInterval();
        while (running) {
            try {
                int n = publishBatch();
                backoff = props.pollInterval();
                measureLag();
                housekeeping();
                if (n < props.batchSize()) {
                    await(props.pollInterval());
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                measureLagQuietly();
                log.warn("outbox relay failed, retrying in {} ms: {}", backoff.toMillis(), getMostSpecificCause(e));
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** The lag gauges' figures, refreshed at most every 5 s: one count over the pending rows' index. */
    private void measureLag() {
        Instant now = Instant.now();
        if (Duration.between(lastMeasured, now).toSeconds() < 5) {
            return;
        }
        lastMeasured = now;
        jdbc.sql("SELECT COUNT(*), MIN(created_at) FROM outbox_event WHERE published_at IS NULL")
                .query((RowCallbackHandler) rs -> {
                    pending.set(rs.getLong(1));
                    Timestamp oldest = rs.getTimestamp(2);
                    oldestAgeMs.set(oldest == null ? 0 : Math.max(0, now.toEpochMilli() - oldest.getTime()));
                });
    }

    /** After a failed batch: the database may be what failed, and the relay's warning already says what did. */
    private void measureLagQuietly() {
        try {
            measureLag();
        } catch (RuntimeException e) {
            log.debug("outbox lag not measured: {}", getMostSpecificCause(e));
        }
    }

    private void housekeeping() {
        Instant now = Instant.now();
        if (Duration.between(lastHousekeeping, now).toSeconds() < 5) {
            return;
        }
        lastHousekeeping = now;
        jdbc.sql("DELETE FROM outbox_event WHERE published_at < :cutoff LIMIT 5000")
                .param("cutoff", SqlTime.literal(now.minus(props.retention())))
                .update();
    }

    private void await(Duration timeout) {
        lock.lock();
        try {
            if (!signalled) {
                work.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        if (!props.enabled()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon(true).start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Row(long id, String eventId, String topic, String key, String type, String payload, String requestId,
                       String traceContext, Instant createdAt) {
        ProducerRecord<String, String> toRecord() {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
            record.headers().add("eventId", eventId.getBytes(StandardCharsets.UTF_8));
            record.headers().add("eventType", type.getBytes(StandardCharsets.UTF_8));
            if (requestId != null) {
                record.headers().add(com.redpacket.contracts.web.Headers.REQUEST_ID, requestId.getBytes(StandardCharsets.UTF_8));
            }
            return record;
        }
    }
}
