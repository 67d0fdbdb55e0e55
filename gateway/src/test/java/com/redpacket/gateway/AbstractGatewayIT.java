package com.redpacket.gateway;

import com.redpacket.infra.TestInfra;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on a random port with a real Redis; every service behind it is {@link Downstream}, found through
 * Spring Cloud's simple discovery client exactly as Eureka's instances would be.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class AbstractGatewayIT {
    protected static final com.nimbusds.jose.jwk.RSAKey KEY = Tokens.newKey("user-service-key-1");

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.redis(registry);
        Downstream downstream = Downstream.get();
        downstream.jwks(() -> Tokens.jwks(KEY));
        for (String service : List.of("user-service", "packet-service", "grab-service", "payment-service")) {
            registry.add("spring.cloud.discovery.client.simple.instances." + service + "[0].uri", downstream::url);
        }
        // settlement-service is registered but not running: the gateway must answer 503, not hang or 500
        registry.add("spring.cloud.discovery.client.simple.instances.settlement-service[0].uri",
                () -> "http://127.0.0.1:9");
    }

    protected Http http() {
        return new Http(port);
    }

    protected static JsonNode problem(Http.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = answer.json();
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.get("requestId").asString()).isEqualTo(answer.header("X-Request-Id"));
        return body;
    }
}
