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
        jdbc.sql("""
                        INSERT INTO outbox_event (event_id, topic, msg_key, event_type, payload, request_id, trace_context,
                                                  created_at)
                        VALUES (:eventId, :topic, :key, :type, :payload, :requestId, :traceContext, :createdAt)
                        ON DUPLICATE KEY UPDATE event_id = event_id""")
                .param("eventId", event.eventId())
                .param("topic", event.topic())
                .param("key", event.partitionKey())
                .param("type", event.type())
                .param("payload", json.write(event))
                .param("requestId", MDC.get(Headers.MDC_REQUEST_ID))
                .param("traceContext", tracing.capture())
                .param("createdAt", SqlTime.literal(Instant.now()))
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
}
