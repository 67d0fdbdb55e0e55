package com.redpacket.platform.inbox;

import com.redpacket.contracts.events.DomainEvent;
import com.redpacket.contracts.web.Headers;
import com.redpacket.platform.events.EventJson;
import com.redpacket.platform.jdbc.SqlTime;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.springframework.core.NestedExceptionUtils.getMostSpecificCause;

/**
 * The idempotent consumer: an event's effects and the record that this consumer processed it commit in one
 * transaction, so a redelivery (a retry, a rebalance, a crash between the DB commit and the offset commit) is
 * recognised and skipped. Business keys (unique ledger keys, conditional updates) are the second guard.
 * <p>Like a request, each event processed gets one log line, with the request id that caused it (carried in the
 * record's headers) and, from the listener's observation, its trace: one id follows a grab into every consumer's log.
 * <p>A busy stream can be consumed a poll at a time ({@link #processBatch}): the poll's events commit together, which
 * saves a commit, a log flush and a listener round per event, and lets a consumer that fell behind catch up faster
 * the further behind it is. Correctness does not depend on batching: each event is still recorded in the inbox, and a
 * batch that fails is done again one event at a time, exactly as {@link #process} would.
 */
public class Inbox {
    private static final Logger log = LoggerFactory.getLogger("events");
    /** A batch that lost a deadlock is tried again as a whole this often before going one event at a time. */
    private static final int BATCH_ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final EventJson json;
    private final ObservationRegistry observations;

    public Inbox(JdbcClient jdbc, TransactionTemplate tx, EventJson json) {
        this(jdbc, tx, json, ObservationRegistry.NOOP);
    }

    public Inbox(JdbcClient jdbc, TransactionTemplate tx, EventJson json, ObservationRegistry observations) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.observations = observations;
    }

    /**
     * Parses the record and runs {@code handler} in a transaction unless {@code consumer} already processed this
     * event id. Unknown event types are skipped. Exceptions propagate (retry, then dead letter).
     */
    public void process(String consumer, ConsumerRecord<String, String> record, Consumer<DomainEvent> handler) {
        withRequestId(record, () -> {
            long start = System.nanoTime();
            DomainEvent event = json.read(record.value()).orElse(null);
            boolean first = event != null && Boolean.TRUE.equals(tx.execute(status -> {
                boolean isFirst = markFirst(consumer, event.eventId());
                if (isFirst) {
                    handler.accept(event);
                }
                return isFirst;
            }));
            logOutcome(record, event, first, start, 1);
        });
    }

    /**
     * A poll's records (of a {@code batch = "true"} listener) in one transaction: the inbox check of them all (two
     * statements), then, in order, {@code handler} for each this consumer had not processed, as {@link #process} does
     * for one (an event twice in one poll counts once). Handlers of one batch therefore see each other's writes
     * and hold their row locks until the batch commits; a batch is bounded by the listener's {@code max.poll.records}.
     * <p>A batch that loses a deadlock is tried again; a batch that fails otherwise (or keeps losing) is rolled back
     * and its events are processed one per transaction, and the first that fails is reported to the container as
     * {@link BatchListenerFailedException} with its index: the ones before it stay committed, and the error handler
     * retries it (an outage without end) or dead-letters it, as for a record listener.
     * <p>Batch listeners get no listener observation from the container; each event gets its own here, continuing the
     * trace in its headers, so its log line carries its trace like a record listener's.
     *
     * @param listenerId the listener's id, for the observation's tags
     */
    public void processBatch(String consumer, String listenerId, List<ConsumerRecord<String, String>> records,
                             Consumer<DomainEvent> handler) {
        processBatch(consumer, listenerId, records, handler, null);
    }

    /**
     * {@link #processBatch(String, String, List, Consumer)}, applying the events of a batch that commits together in
     * {@code applyOrder} (a stable sort; null keeps the poll's order). For consumers whose handlers tolerate events in
     * any order and lock rows shared with other consumers' batches: applied in the order of those rows, two batches
     * never wait for each other's rows in a cycle. The one-at-a-time path keeps the poll's order, because the index
     * it reports to the container must be the poll's.
     */
    public void processBatch(String consumer, String listenerId, List<ConsumerRecord<String, String>> records,
                             Consumer<DomainEvent> handler, Comparator<DomainEvent> applyOrder) {
        processBatch(consumer, listenerId, records, () -> handler::accept, applyOrder);
    }

    /**
     * {@link #processBatch(String, String, List, Consumer, Comparator)} with a {@link BatchHandler} per transaction
     * (from {@code handlers}), so a handler can collect what its events ask for and write it set-wise when the
     * transaction's events are all in: a batch's whole work in a few statements instead of a few per event. A batch
     * that fails is redone one event per transaction, each with a handler of its own.
     */
    public void processBatch(String consumer, String listenerId, List<ConsumerRecord<String, String>> records,
                             Supplier<? extends BatchHandler> handlers, Comparator<DomainEvent> applyOrder) {
        if (records.size() > 1) {
            for (int attempt = 1; attempt <= BATCH_ATTEMPTS; attempt++) {
                try {
                    processTogether(consumer, listenerId, records, handlers, applyOrder);
                    return;
                } catch (PessimisticLockingFailureException e) {
                    log.info("a batch of {} events from {} lost a deadlock or lock wait (attempt {} of {}): {}",
                            records.size(), records.getFirst().topic(), attempt, BATCH_ATTEMPTS,
                            getMostSpecificCause(e));
                } catch (RuntimeException e) {
                    log.info("a batch of {} events from {} failed, processing them one at a time: {}",
                            records.size(), records.getFirst().topic(), getMostSpecificCause(e));
                    break;
                }
            }
        }
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            try {
                observation(consumer, listenerId, record).observe(() -> process(consumer, record, event -> {
                    BatchHandler handler = handlers.get();
                    handler.accept(event);
                    handler.complete();
                }));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("event " + i + " of the batch (" + record.topic() + "-"
                        + record.partition() + "@" + record.offset() + ") failed: " + getMostSpecificCause(e), e, i);
            }
        }
    }

    private void processTogether(String consumer, String listenerId, List<ConsumerRecord<String, String>> records,
                                 Supplier<? extends BatchHandler> handlers, Comparator<DomainEvent> applyOrder) {
        long start = System.nanoTime();
        List<Step> steps = new ArrayList<>(records.size());
        try {
            for (ConsumerRecord<String, String> record : records) {
                Step step = new Step(record, observation(consumer, listenerId, record).start());
                steps.add(step);
                step.inScope(() -> step.event = json.read(record.value()).orElse(null));
            }
            List<Step> applied = new ArrayList<>(steps);
            if (applyOrder != null) {
                applied.sort(Comparator.comparing(step -> step.event, Comparator.nullsFirst(applyOrder)));
            }
            tx.executeWithoutResult(status -> {
                Set<String> fresh = markFirst(consumer, applied.stream()
                        .filter(step -> step.event != null).map(step -> step.event.eventId()).toList());
                BatchHandler handler = handlers.get();
                for (Step step : applied) {
                    // remove: the same event twice in one poll is applied once
                    step.first = step.event != null && fresh.remove(step.event.eventId());
                    if (step.first) {
                        step.inScope(() -> handler.accept(step.event));
                    }
                }
                handler.complete();
            });
        } catch (RuntimeException e) {
            steps.forEach(step -> step.observation.error(e).stop());
            throw e;
        }
        for (Step step : steps) {
            step.inScope(() -> logOutcome(step.record, step.event, step.first, start, records.size()));
            step.observation.stop();
        }
    }

    /** The event's log line (an unknown type's only at debug), {@code start} being when its processing began. */
    private static void logOutcome(ConsumerRecord<String, String> record, DomainEvent event, boolean first,
                                   long start, int batchSize) {
        if (event == null) {
            log.debug("skipping unknown event type on {}: {}", record.topic(), header(record, "eventType"));
            return;
        }
        log.info("{} {} {}-{}@{} {} {}ms{}", event.type(), event.eventId(), record.topic(), record.partition(),
                record.offset(), first ? "processed" : "duplicate",
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e6),
                batchSize > 1 ? " (batch of " + batchSize + ")" : "");
    }

    /** Runs {@code action} with the request id that caused the record (from its headers) in the MDC. */
    private static void withRequestId(ConsumerRecord<String, String> record, Runnable action) {
        String requestId = header(record, Headers.REQUEST_ID);
        if (requestId != null) {
            MDC.put(Headers.MDC_REQUEST_ID, requestId);
        }
        try {
            action.run();
        } finally {
            MDC.remove(Headers.MDC_REQUEST_ID);
        }
    }

    private Observation observation(String consumer, String listenerId, ConsumerRecord<String, String> record) {
        return KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
                KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, listenerId, null, consumer, () -> null), observations);
    }

    /** One event of a batch: its record, its observation (open until the batch ends) and what became of it. */
    private static final class Step {
        final ConsumerRecord<String, String> record;
        final Observation observation;
        DomainEvent event;
        boolean first;

        Step(ConsumerRecord<String, String> record, Observation observation) {
            this.record = record;
            this.observation = observation;
        }

        void inScope(Runnable action) {
            try (Observation.Scope scope = observation.openScope()) {
                withRequestId(record, action);
            }
        }
    }

    /**
     * Records that {@code consumer} processed {@code eventIds}, in two statements: the ids it had not processed yet,
     * which this transaction now holds. Call inside a transaction. Another transaction recording one of them at the
     * same time makes the insert fail (duplicate key) rather than both go ahead: the caller's batch then goes one
     * event at a time, where {@link #markFirst(String, String)} settles it.
     */
    Set<String> markFirst(String consumer, List<String> eventIds) {
        Set<String> fresh = new LinkedHashSet<>(eventIds);
        if (fresh.isEmpty()) {
            return fresh;
        }
        fresh.removeAll(jdbc.sql("SELECT event_id FROM processed_event WHERE consumer = :c AND event_id IN (:ids)")
                .param("c", consumer)
                .param("ids", List.copyOf(fresh))
                .query(String.class)
                .list());
        if (!fresh.isEmpty()) {
            String now = SqlTime.literal(Instant.now());
            StringJoiner rows = new StringJoiner(", ");
            List<Object> params = new ArrayList<>(fresh.size() * 3);
            for (String eventId : fresh) {
                rows.add("(?, ?, ?)");
                params.addAll(List.of(consumer, eventId, now));
            }
            jdbc.sql("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES " + rows)
                    .params(params)
                    .update();
        }
        return fresh;
    }

    /** Records that {@code consumer} processed {@code eventId}; false if it already had. Call inside a transaction. */
    public boolean markFirst(String consumer, String eventId) {
        return jdbc.sql("INSERT IGNORE INTO processed_event (consumer, event_id, processed_at) VALUES (:c, :e, :t)")
                .param("c", consumer)
                .param("e", eventId)
                .param("t", SqlTime.literal(Instant.now()))
                .update() == 1;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
