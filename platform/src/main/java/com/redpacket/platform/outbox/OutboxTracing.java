package com.redpacket.platform.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Carries a trace across the outbox. An event leaves long after the request (or consumed event) that wrote it, from
 * the relay's own thread, so no trace context is current there: the writer keeps the writing trace's propagation
 * headers (W3C {@code traceparent}, and {@code baggage} if any) with the row, and the relay publishes the row under a
 * producer span continuing that trace and puts the span's context on the Kafka record, where the consumer's listener
 * observation picks it up. The span starts when the row was written, so a trace shows how long the event waited.
 * Tracing never stands in the way of money: a context that cannot be kept or read leaves the event untraced.
 */
public class OutboxTracing {
    /** Without a tracer: nothing is kept and records carry no trace headers. */
    public static final OutboxTracing NONE = new OutboxTracing(null, null);

    private static final Logger log = LoggerFactory.getLogger(OutboxTracing.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    private static final Publication UNTRACED = error -> {
    };

    private final Tracer tracer;
    private final Propagator propagator;

    public OutboxTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current trace as propagation headers in JSON, for the outbox row; null outside any trace. */
    String capture() {
        TraceContext current = tracer == null ? null : tracer.currentTraceContext().context();
        if (current == null) {
            return null;
        }
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            propagator.inject(current, headers, Map::put);
            return headers.isEmpty() ? null : JSON.writeValueAsString(headers);
        } catch (RuntimeException e) {
            log.debug("trace context not kept with the event: {}", e.toString());
            return null;
        }
    }

    /**
     * Starts the span that publishes {@code record}, written at {@code writtenAt} in the trace {@code captured}, and
     * puts the span's context on the record. End it with the broker's answer.
     */
    Publication publish(ProducerRecord<String, String> record, String eventId, String captured, Instant writtenAt) {
        if (tracer == null || captured == null) {
            return UNTRACED;
        }
        Map<String, String> parent;
        try {
            parent = JSON.readValue(captured, HEADERS);
        } catch (RuntimeException e) {
            log.debug("event {} published without its trace, whose context does not read: {}", eventId, e.toString());
            return UNTRACED;
        }
        Span span = propagator.extract(parent, Map::get)
                .name("publish " + record.topic())
                .kind(Span.Kind.PRODUCER)
                .startTimestamp(writtenAt.toEpochMilli(), TimeUnit.MILLISECONDS)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", record.topic())
                .tag("messaging.message.id", eventId)
                .start();
        propagator.inject(span.context(), record,
                (r, name, value) -> r.headers().remove(name).add(name, value.getBytes(StandardCharsets.UTF_8)));
        return error -> {
            if (error != null) {
                span.error(error);
            }
            span.end();
        };
    }

    /** A record's publish span; {@code end(null)} once the broker acknowledged it, else with the failure. */
    @FunctionalInterface
    interface Publication {
        void end(Throwable error);
    }
}
