package com.redpacket.platform.outbox;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTracingTest {
    private final OutboxTracing tracing = new OutboxTracing(Tracer.NOOP, Propagator.NOOP);

    @Test
    void aContextThatDoesNotReadLeavesTheEventUntracedButPublished() {
        ProducerRecord<String, String> record = new ProducerRecord<>("packet.events", "1", "{}");

        OutboxTracing.Publication publication = tracing.publish(record, "e-1", "{\"traceparent\":", Instant.now());

        publication.end(null);
        assertThat(record.headers().lastHeader("traceparent")).isNull();
    }

    @Test
    void nothingIsKeptOutsideATrace() {
        assertThat(tracing.capture()).isNull();
        assertThat(OutboxTracing.NONE.capture()).isNull();
    }
}
