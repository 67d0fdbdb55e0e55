package com.redpacket.gateway;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Swagger UI and the services' OpenAPI documents through the gateway: one public page, routed documents, no leaks. */
class ApiDocsIT extends AbstractGatewayIT {
    private static final List<String> SERVICES =
            List.of("user-service", "packet-service", "grab-service", "settlement-service", "payment-service");

    @Test
    void swaggerUiIsOnePublicPageWithAServiceSelector() {
        Http.Answer redirect = http().get("/swagger-ui.html");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).isEqualTo("/swagger-ui/index.html");
        Http.Answer page = http().get(redirect.header("Location"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("swagger-ui");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(http().get("/swagger-ui/swagger-initializer.js").status()).isEqualTo(200);

        JsonNode config = http().get("/v3/api-docs/swagger-config").json();
        List<String> names = new ArrayList<>();
        config.get("urls").forEach(url -> {
            names.add(url.get("name").asString());
            assertThat(url.get("url").asString()).startsWith("/v3/api-docs/");
        });
        assertThat(names).hasSize(SERVICES.size()).allSatisfy(name -> assertThat(name).containsAnyOf(
                SERVICES.toArray(String[]::new)));
        assertThat(names).contains(config.get("urls.primaryName").asString());
        assertThat(config.get("urls").findValuesAsString("url"))
                .containsExactlyInAnyOrderElementsOf(SERVICES.stream().map(s -> "/v3/api-docs/" + s).toList());
    }

    @Test
    void eachDocumentIsRoutedToItsServiceWithoutTokenOrRateLimit() {
        for (int i = 0; i < 12; i++) {
            Http.Answer answer = http().from("10.7.0.1").get("/v3/api-docs/packet-service");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().get("method").asString()).isEqualTo("GET");
            assertThat(answer.json().get("path").asString()).isEqualTo("/v3/api-docs");
        }
        problem(http().get("/v3/api-docs/settlement-service"), 503, "UPSTREAM_UNAVAILABLE");
    }

    @Test
    void nothingElseIsReachableThroughTheDocumentRoutes() {
        int before = Downstream.get().paths().size();
        problem(http().get("/v3/api-docs/nope"), 404, "NOT_FOUND");
        problem(http().get("/v3/api-docs/user-service/../../internal/jwks"), 404, "NOT_FOUND");
        problem(http().get("/v3/api-docs/user-service/x"), 404, "NOT_FOUND");
        assertThat(http().post("/v3/api-docs/user-service", "{}").status()).isIn(401, 404, 405);
        assertThat(Downstream.get().paths().subList(before, Downstream.get().paths().size())).isEmpty();
    }

    @Test
    void theGatewaysOwnDocumentDocumentsNothing() {
        Http.Answer own = http().get("/v3/api-docs");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("paths").isEmpty()).as(own.body()).isTrue();
        assertThat(own.body()).doesNotContain("actuator").doesNotContain("lb://");
    }
}
