package com.redpacket.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.config.HttpClientProperties;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What the edge refuses or adds whatever the route: internal paths, unknown routes, big bodies, CORS, headers. */
class EdgeIT extends AbstractGatewayIT {
    private final String token = Tokens.sign(KEY, Tokens.claims("77").build());

    @Autowired
    HttpClientProperties httpClient;

    /**
     * A pooled connection the gateway reuses just as the service closes it for idleness is a 503 the caller did nothing
     * to earn; the services' Tomcat keeps an idle keep-alive connection for 60 s, so the gateway must drop it sooner.
     * Bound under spring.cloud.gateway.server.webflux (an old prefix would be ignored without a word).
     */
    @Test
    void pooledConnectionsToServicesAreDroppedBeforeTheServicesDropThem() {
        assertThat(httpClient.getPool().getMaxIdleTime()).isNotNull().isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void internalPathsAreUnreachableHoweverTheyAreSpelled() {
        int before = Downstream.get().paths().size();
        for (String path : new String[]{"/internal/jwks", "/internal/groups/1/members", "/INTERNAL/jwks",
                "/api/../internal/jwks", "/api/users/../../internal/jwks", "/api/%2e%2e/internal/jwks",
                "/%2Finternal/jwks", "/api%2F..%2Finternal%2Fjwks", "//internal/jwks", "/api//internal/jwks",
                "/%69nternal/jwks", "/api/users/me/..;/..;/internal/jwks", "/internal%2Fjwks", "/api/%252e%252e/internal"}) {
            problem(http().bearer(token).get(path), 404, "NOT_FOUND");
        }
        assertThat(Downstream.get().paths().subList(before, Downstream.get().paths().size()))
                .noneMatch(p -> p.toLowerCase().contains("internal"));
    }

    @Test
    void unknownRoutesAreA404Problem() {
        problem(http().get("/nope"), 404, "NOT_FOUND");
        problem(http().bearer(token).get("/api/nope"), 404, "NOT_FOUND");
        problem(http().get("/actuator/gateway/routes"), 404, "NOT_FOUND");
        problem(http().get("/actuator/env"), 404, "NOT_FOUND");
    }

    @Test
    void aServiceThatIsDownIsA503Problem() {
        Http.Answer answer = http().bearer(token).get("/api/wallet");
        problem(answer, 503, "UPSTREAM_UNAVAILABLE");
        assertThat(answer.body()).doesNotContain("127.0.0.1").doesNotContain("Exception");
    }

    @Test
    void aServiceThatDiesWhileHandlingTheCallIsA503TheAppMayRetry() {
        Http.Answer answer = http().bearer(token).post("/api/packets/1/dies-mid-request", "{}");
        problem(answer, 503, "UPSTREAM_UNAVAILABLE");
        assertThat(answer.header("Retry-After")).isNotNull();
        assertThat(answer.body()).doesNotContain("127.0.0.1").doesNotContain("Exception");
    }

    @Test
    void bodiesOverTheLimitAre413BeforeAnyServiceSeesThem() {
        String big = "{\"username\":\"" + "x".repeat(9000) + "\"}";
        int before = Downstream.get().paths().size();
        problem(http().from("10.9.0.1").post("/api/users/register", big), 413, "PAYLOAD_TOO_LARGE");
        problem(http().bearer(token).postChunked("/api/groups", big), 413, "PAYLOAD_TOO_LARGE");
        assertThat(Downstream.get().paths().size()).isEqualTo(before);
        assertThat(http().bearer(token).postChunked("/api/groups", "{\"name\":\"small\"}").status()).isEqualTo(200);
    }

    @Test
    void overlongPathsAndHeadersAreProblemsNotEmptyAnswers() {
        int before = Downstream.get().paths().size();
        problem(http().bearer(token).get("/api/packets/" + "1".repeat(5_000)), 414, "URI_TOO_LONG");
        problem(http().bearer(token).get("/api/packets/sent?cursor=" + "A".repeat(5_000)), 414, "URI_TOO_LONG");
        problem(http().header("X-Padding", "p".repeat(9_000)).bearer(token).get("/api/users/me"), 431,
                "HEADERS_TOO_LARGE");
        problem(http().bearer("A".repeat(9_000)).get("/api/users/me"), 431, "HEADERS_TOO_LARGE");
        assertThat(Downstream.get().paths().size()).isEqualTo(before);
        assertThat(http().bearer(token).get("/api/packets/" + "1".repeat(3_000)).status()).isEqualTo(200);
    }

    /**
     * A header the HTTP server lets through (obs-text bytes) but that holds a control character (U+0085) is refused by
     * Spring Security's firewall (with EdgeSecurity's header rules, HeaderText) as a 400 problem, before anything reads
     * the token in it: without the firewall it would be a malformed token, 401.
     */
    @Test
    void headersWithControlCharactersAreRefusedByTheFirewall() throws IOException {
        int before = Downstream.get().paths().size();
        String answer = raw("GET /api/users/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\u0085\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"code\":\"VALIDATION_FAILED\"").contains("rejected");
        assertThat(Downstream.get().paths().size()).isEqualTo(before);
        assertThat(raw("GET /api/users/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nX-Note: tab\there\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void responsesCarrySecurityHeadersAndNoServerBanner() {
        Http.Answer answer = http().bearer(token).get("/api/users/me");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Cache-Control")).contains("no-store");
        assertThat(answer.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(answer.header("Server")).isNull();
        assertThat(answer.header("X-Powered-By")).isNull();
        Http.Answer problem = http().get("/api/users/me");
        assertThat(problem.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(problem.header("Cache-Control")).contains("no-store");
    }

    @Test
    void browsersFromAllowedOriginsMayCallOthersMayNot() {
        Http.Answer allowed = http().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .send("OPTIONS", "/api/packets", null);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isNull();

        Http.Answer refused = http().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").send("OPTIONS", "/api/packets", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();

        Http.Answer crossOriginCall = http().header("Origin", "https://evil.example").bearer(token).get("/api/users/me");
        assertThat(crossOriginCall.status()).isEqualTo(403);
    }
}
