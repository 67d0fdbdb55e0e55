package com.redpacket.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsIT extends AbstractPlatformIT {
    private static final Map<String, String> CALLER = Map.of("X-User-Id", "42");

    @LocalServerPort
    int port;

    @Test
    void validBodyPassesWithTheCallerFromTheGatewayHeader() {
        Http.Answer answer = Http.send(port, "POST", "/test/orders", "{\"amount\":100,\"greeting\":\"恭喜发财\"}", CALLER);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("caller").asString()).isEqualTo("42");
    }

    @Test
    void notJsonIsAProblemNamingTheBody() {
        JsonNode problem = problem(Http.send(port, "POST", "/test/orders", "{amount:", CALLER), 400, "VALIDATION_FAILED");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("body");
    }

    @Test
    void wrongTypesAreProblemsNamingTheField() {
        for (String body : new String[]{"{\"amount\":\"100\",\"greeting\":\"x\"}", "{\"amount\":1.5,\"greeting\":\"x\"}",
                "{\"amount\":99999999999999999999999,\"greeting\":\"x\"}", "{\"amount\":[1],\"greeting\":\"x\"}"}) {
            JsonNode problem = problem(Http.send(port, "POST", "/test/orders", body, CALLER), 400, "VALIDATION_FAILED");
            assertThat(problem.get("errors").get(0).get("field").asString()).as(body).isEqualTo("amount");
        }
        for (String body : new String[]{"{\"amount\":100,\"greeting\":\"x\",\"channel\":1}",
                "{\"amount\":100,\"greeting\":\"x\",\"channel\":\"CASH\"}"}) {
            JsonNode problem = problem(Http.send(port, "POST", "/test/orders", body, CALLER), 400, "VALIDATION_FAILED");
            assertThat(problem.get("errors").get(0).get("field").asString()).as(body).isEqualTo("channel");
        }
        JsonNode problem = problem(Http.send(port, "POST", "/test/orders", "{\"amount\":100,\"greeting\":true}",
                CALLER), 400, "VALIDATION_FAILED");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("greeting");
    }

    @Test
    void constraintViolationsNameEveryField() {
        JsonNode problem = problem(Http.send(port, "POST", "/test/orders",
                "{\"amount\":0,\"greeting\":\"" + "长".repeat(26) + "\"}", CALLER), 400, "VALIDATION_FAILED");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("amount", "greeting");
    }

    @Test
    void missingCallerIsUnauthorized() {
        problem(Http.send(port, "POST", "/test/orders", "{\"amount\":1,\"greeting\":\"x\"}", Map.of()), 401, "UNAUTHORIZED");
        problem(Http.send(port, "POST", "/test/orders", "{\"amount\":1,\"greeting\":\"x\"}",
                Map.of("X-User-Id", "1 OR 1=1")), 401, "UNAUTHORIZED");
    }

    @Test
    void unknownRouteWrongMethodAndMediaTypeAreProblems() {
        problem(Http.send(port, "GET", "/no/such/thing", null, Map.of()), 404, "NOT_FOUND");
        problem(Http.send(port, "DELETE", "/test/orders", null, CALLER), 405, "METHOD_NOT_ALLOWED");
        problem(Http.send(port, "POST", "/test/orders", "amount=1",
                Map.of("X-User-Id", "42", "Content-Type", "text/plain")), 415, "UNSUPPORTED_MEDIA_TYPE");
        JsonNode badId = problem(Http.send(port, "GET", "/test/items/abc", null, Map.of()), 400, "VALIDATION_FAILED");
        assertThat(badId.get("errors").get(0).get("field").asString()).isEqualTo("id");
    }

    @Test
    void oversizedBodyIs413BeforeParsing() {
        String big = "{\"amount\":1,\"greeting\":\"" + "x".repeat(5000) + "\"}";
        problem(Http.send(port, "POST", "/test/orders", big, CALLER), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void businessErrorsKeepTheirCodeAndUnexpectedOnesLeakNothing() {
        problem(Http.send(port, "GET", "/test/items/404", null, Map.of()), 404, "PACKET_NOT_FOUND");
        Http.Answer crash = Http.send(port, "GET", "/test/items/500", null, Map.of());
        problem(crash, 500, "INTERNAL_ERROR");
        assertThat(crash.body()).doesNotContain("secret").doesNotContain("Exception");
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        Http.Answer given = Http.send(port, "GET", "/test/items/1", null, Map.of("X-Request-Id", "abc-123"));
        assertThat(given.requestId()).isEqualTo("abc-123");
        Http.Answer generated = Http.send(port, "GET", "/test/items/1", null, Map.of("X-Request-Id", "<script>"));
        assertThat(generated.requestId()).isNotBlank().isNotEqualTo("<script>");
        JsonNode problem = problem(Http.send(port, "GET", "/test/items/404", null, Map.of("X-Request-Id", "rid-9")),
                404, "PACKET_NOT_FOUND");
        assertThat(problem.get("requestId").asString()).isEqualTo("rid-9");
    }

    private static JsonNode problem(Http.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode body = answer.json();
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.hasNonNull("type")).isTrue();
        assertThat(body.hasNonNull("title")).isTrue();
        assertThat(body.hasNonNull("detail")).isTrue();
        return body;
    }
}
