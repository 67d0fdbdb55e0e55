package com.redpacket.platform;

import com.redpacket.contracts.events.PacketClaimed;
import com.redpacket.contracts.events.Topics;
import com.redpacket.contracts.web.Headers;
import com.redpacket.infra.TestInfra;
import com.redpacket.platform.inbox.Inbox;
import com.redpacket.platform.outbox.OutboxRelay;
import com.redpacket.platform.outbox.OutboxWriter;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What ops follow a request by: the request id and the trace id in the log lines of each step, one trace from an HTTP
 * request through the outbox, Kafka and a consumer, and the metrics endpoint Prometheus scrapes.
 */
@ExtendWith(OutputCaptureExtension.class)
@Import(ObservabilityIT.TracedConsumer.class)
class ObservabilityIT extends AbstractPlatformIT {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @LocalServerPort
    int port;
    @Autowired
    Tracer tracer;
    @Autowired
    OutboxWriter outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TracedConsumer consumer;

    @Test
    void aRequestContinuesTheCallersTraceAndItsLogLineCarriesBothIds(CapturedOutput output) {
        String requestId = "obs-" + UUID.randomUUID();
        Http.Answer answer = Http.send(port, "GET", "/test/items/7", null, Map.of(Headers.REQUEST_ID, requestId,
                "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(output.getOut().lines().filter(line -> line.contains("GET /test/items/7 200")))
                .anySatisfy(line -> assertThat(line).contains("[" + requestId + "," + TRACE_ID + ","));
        // Boot's console layout, without colour codes (platform-defaults.properties): time, level, pid, application,
        // thread, [request id,trace id,span id], logger, then the line itself with its time in ms
        assertThat(output.getOut().lines().filter(line -> line.contains("GET /test/items/7 200")))
                .anySatisfy(line -> assertThat(line).matches(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)"
                        + "  INFO \\d+ --- \\[[^\\]]+] \\[ *[^\\]]*] "
                        + "\\[" + requestId + "," + TRACE_ID + ",[0-9a-f]{16}] "
                        + "http {36} : GET /test/items/7 200 \\d+\\.\\dms"));
    }

    @Test
    void anEventCarriesTheTraceItWasWrittenInThroughTheOutboxToItsConsumer(CapturedOutput output) {
        PacketClaimed claim = newClaim();
        String requestId = "obs-" + UUID.randomUUID();
        Span request = tracer.nextSpan().name("a request").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            MDC.put(Headers.MDC_REQUEST_ID, requestId);
            tx.executeWithoutResult(s -> outbox.write(claim));
        } finally {
            MDC.remove(Headers.MDC_REQUEST_ID);
            request.end();
        }
        String traceId = request.context().traceId();
        relay.wakeUp();

        String kept = jdbc.sql("SELECT trace_context FROM outbox_event WHERE event_id = :id")
                .param("id", claim.eventId()).query(String.class).single();
        assertThat(kept).contains("traceparent").contains(traceId).contains(request.context().spanId());

        ConsumerRecord<String, String> record = published(claim.eventId());
        String traceparent = header(record, "traceparent");
        assertThat(traceparent).as("the publish span continues the request's trace").startsWith("00-" + traceId + "-");
        assertThat(traceparent.split("-")[2]).as("the publish span is a child of the request's span")
                .isNotEqualTo(request.context().spanId());
        assertThat(header(record, Headers.REQUEST_ID)).isEqualTo(requestId);

        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.seen.containsKey(claim.eventId()));
        assertThat(consumer.seen.get(claim.eventId())).as("the consumer's trace and MDC")
                .isEqualTo(List.of(traceId, traceId, requestId));
        assertThat(output.getOut().lines().filter(line -> line.contains("PacketClaimed " + claim.eventId())))
                .as("the consumer's event log line").anySatisfy(line -> assertThat(line)
                        .contains("[" + requestId + "," + traceId + ",").contains("processed"));
    }

    @Test
    void aRowWrittenOutsideAnyTraceIsPublishedWithoutTraceHeaders() {
        PacketClaimed claim = newClaim();
        tx.executeWithoutResult(s -> outbox.write(claim));
        relay.wakeUp();

        assertThat(header(published(claim.eventId()), "traceparent")).isNull();
    }

    @Test
    void prometheusScrapesTheOutboxAndRequestMetricsTaggedWithTheApplication() {
        Http.send(port, "GET", "/test/items/8", null, Map.of());
        Http.Answer scrape = Http.send(port, "GET", "/actuator/prometheus", null, Map.of());

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("redpacket_outbox_pending{application=\"platform-it\"")
                .contains("redpacket_outbox_oldest_age_seconds{")
                .containsPattern("http_server_requests_seconds_bucket\\{application=\"platform-it\".*uri=\"/test/items/\\{id}\"");
    }

    private static PacketClaimed newClaim() {
        long packetId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + 1;
        return PacketClaimed.of(packetId, 7L, 1, 1001L, 100L, Instant.now());
    }

    private static ConsumerRecord<String, String> published(String eventId) {
        try (KafkaConsumer<String, String> kafka = TestInfra.freshConsumer(Topics.PACKET_EVENTS)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : kafka.poll(Duration.ofMillis(200))) {
                    if (eventId.equals(header(r, "eventId"))) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("event " + eventId + " was not published");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A consumer as the services have them: a listener (observed, as the platform configures) through the inbox. */
    @TestConfiguration
    static class TracedConsumer {
        final Map<String, List<String>> seen = new ConcurrentHashMap<>();
        @Autowired
        Inbox inbox;
        @Autowired
        Tracer tracer;

        @KafkaListener(id = "observability-it", topics = Topics.PACKET_EVENTS)
        void on(ConsumerRecord<String, String> record) {
            inbox.process("observability-it", record, event -> seen.put(event.eventId(), List.of(
                    tracer.currentSpan().context().traceId(), MDC.get("traceId"), MDC.get(Headers.MDC_REQUEST_ID))));
        }
    }
}
