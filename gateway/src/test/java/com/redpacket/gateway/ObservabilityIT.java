package com.redpacket.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway starts (or continues) each request's trace and hands it on to the service with the request id; its log
 * line carries both. Its actuator (health, metrics) is on the management port; the public port answers the health
 * status only.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT extends AbstractGatewayIT {
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @LocalManagementPort
    int managementPort;

    private final String token = Tokens.sign(KEY, Tokens.claims("77").build());

    @Test
    void theServiceContinuesTheCallersTraceWithTheRequestIdAndTheLogLineNamesBoth(CapturedOutput output) {
        String requestId = "gw-" + UUID.randomUUID();
        Http.Answer answer = http().bearer(token).header("X-Request-Id", requestId)
                .header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01").get("/api/users/me");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().get("x-request-id")).as("once, though the service echoes it too")
                .containsExactly(requestId);
        JsonNode received = answer.json().get("headers");
        assertThat(received.get("x-request-id").asString()).isEqualTo(requestId);
        String traceparent = received.get("traceparent").asString();
        assertThat(traceparent).startsWith("00-" + TRACE_ID + "-").doesNotContain("b7ad6b7169203331");
        // the line is written as the exchange completes, which may be just after the client has the answer
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains("GET /api/users/me 200")))
                .anySatisfy(line -> assertThat(line).contains("[" + requestId + "," + TRACE_ID + ",")));
    }

    @Test
    void aRequestWithoutTraceStartsOne() {
        Http.Answer answer = http().bearer(token).get("/api/users/me");

        assertThat(answer.json().get("headers").get("traceparent").asString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void theActuatorIsOnTheManagementPortAndThePublicPortAnswersOnlyTheHealthStatus() {
        http().bearer(token).get("/api/users/me");

        for (String path : new String[]{"/actuator/prometheus", "/actuator/info", "/actuator/health/diskSpace",
                "/actuator"}) {
            problem(http().get(path), 404, "NOT_FOUND");
        }
        for (String path : new String[]{"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            Http.Answer publicHealth = http().get(path);
            assertThat(publicHealth.status()).as(path).isEqualTo(200);
            assertThat(publicHealth.json().get("status").asString()).as(path).isEqualTo("UP");
            assertThat(publicHealth.json().size()).as("the status and nothing else").isEqualTo(1);
        }
        Http management = new Http(managementPort);
        Http.Answer health = management.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().has("components")).as("no details").isFalse();
        Http.Answer scrape = management.get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).containsPattern("http_server_requests_seconds_bucket\\{application=\"gateway\"");
    }
}
