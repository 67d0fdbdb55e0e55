package com.redpacket.platform.outbox;

import com.redpacket.contracts.events.DomainEvent;
import com.redpacket.contracts.web.Headers;
import com.redpacket.platform.events.EventJson;
import com.redpacket.platform.jdbc.SqlTime;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Writes an event into the outbox table inside the caller's transaction, so the business row and the event commit
 * together or not at all (no dual write). The row keeps the request id and the trace it was written in, which the relay
 * puts on the Kafka record. After the commit the relay is woken so the event leaves within milliseconds instead of
 * waiting for the next poll. Writing the same event id twice keeps the first.
 */
public class OutboxWriter {
    private final JdbcClient jdbc;
    private final EventJson json;
    private final OutboxRelay relay;
    private final OutboxTracing tracing;

    public OutboxWriter(JdbcClient jdbc, EventJson json, OutboxRelay relay, OutboxTracing tracing) {
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
        this.tracing = tracing;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void write(DomainEvent event) {
        writeAll(List.of(prepare(event)));
    }

    /**
     * The event with the request id and trace that are current now, to be written later by {@link #writeAll}: for a
     * handler that collects a batch's events in each event's own scope and writes them together.
     */
    public Prepared prepare(DomainEvent event) {
        return new Prepared(event, MDC.get(Headers.MDC_REQUEST_ID), tracing.capture());
    }

    /** Writes {@code events} in one statement, inside the caller's transaction, as {@link #write} does each. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void writeAll(List<Prepared> events) {
        if (events.isEmpty()) {
            return;
        }
        String now = SqlTime.literal(Instant.now());
        StringJoiner rows = new StringJoiner(", ");
        List<Object> params = new ArrayList<>(events.size() * 8);
        for (Prepared prepared : events) {
            DomainEvent event = prepared.event();
            rows.add("(?, ?, ?, ?, ?, ?, ?, ?)");
            params.add(event.eventId());
            params.add(event.topic());
            params.add(event.partitionKey());
            params.add(event.type());
            params.add(json.write(event));
            params.add(prepared.requestId());
            params.add(prepared.traceContext());
            params.add(now);
        }
        jdbc.sql("INSERT INTO outbox_event (event_id, topic, msg_key, event_type, payload, request_id, trace_context, "
                        + "created_at) VALUES " + rows + " ON DUPLICATE KEY UPDATE event_id = event_id")
                .params(params)
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wakeUp();
                }
            });
        }
    }

    /** An event and the request id and trace context it was prepared in. */
    public record Prepared(DomainEvent event, String requestId, String traceContext) {
    }
}
