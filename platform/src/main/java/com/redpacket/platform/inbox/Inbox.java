package com.redpacket.platform.inbox;

import com.redpacket.contracts.events.DomainEvent;
import com.redpacket.contracts.web.Headers;
import com.redpacket.platform.events.EventJson;
import com.redpacket.platform.jdbc.SqlTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The idempotent consumer: an event's effects and the record that this consumer processed it commit in one
 * transaction, so a redelivery (a retry, a rebalance, a crash between the DB commit and the offset commit) is
 * recognised and skipped. Business keys (unique ledger keys, conditional updates) are the second guard.
 * <p>Like a request, each event processed gets one log line, with the request id that caused it (carried in the
 * record's headers) and, from the listener's observation, its trace: one id follows a grab into every consumer's log.
 */
public class Inbox {
    private static final Logger log = LoggerFactory.getLogger("events");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final EventJson json;

    public Inbox(JdbcClient jdbc, TransactionTemplate tx, EventJson json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    /**
     * Parses the record and runs {@code handler} in a transaction unless {@code consumer} already processed this
     * event id. Unknown event types are skipped. Exceptions propagate (retry, then dead letter).
     */
    public void process(String consumer, ConsumerRecord<String, String> record, Consumer<DomainEvent> handler) {
        String requestId = header(record, Headers.REQUEST_ID);
        if (requestId != null) {
            MDC.put(Headers.MDC_REQUEST_ID, requestId);
        }
        long start = System.nanoTime();
        try {
            Optional<DomainEvent> parsed = json.read(record.value());
            if (parsed.isEmpty()) {
                log.debug("skipping unknown event type on {}: {}", record.topic(), header(record, "eventType"));
                return;
            }
            DomainEvent event = parsed.get();
            Boolean first = tx.execute(status -> {
                boolean isFirst = markFirst(consumer, event.eventId());
                if (isFirst) {
                    handler.accept(event);
                }
                return isFirst;
            });
            log.info("{} {} {}-{}@{} {} {}ms", event.type(), event.eventId(), record.topic(), record.partition(),
                    record.offset(), Boolean.TRUE.equals(first) ? "processed" : "duplicate",
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e6));
        } finally {
            MDC.remove(Headers.MDC_REQUEST_ID);
        }
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
