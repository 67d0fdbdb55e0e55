package com.redpacket.user;

import com.redpacket.infra.TestInfra;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** user-service on a real MariaDB/MySQL schema and a real Kafka broker; one context for every IT of the module. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class AbstractUserServiceIT {
    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.mysql(registry, "user");
        TestInfra.kafka(registry);
    }

    protected Http.Answer post(String path, String body, Long caller) {
        return Http.send(port, "POST", path, body, caller == null ? Map.of() : Map.of("X-User-Id", caller.toString()));
    }

    protected Http.Answer get(String path, Long caller) {
        return Http.send(port, "GET", path, null, caller == null ? Map.of() : Map.of("X-User-Id", caller.toString()));
    }

    protected static String uniqueName() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Registers a fresh user and returns its id. */
    protected long register() {
        Http.Answer answer = post("/api/users/register",
                "{\"username\":\"" + uniqueName() + "\",\"password\":\"password-1\",\"nickname\":\"小红\"}", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return Long.parseLong(answer.json().get("id").asString());
    }

    protected static JsonNode problem(Http.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode body = answer.json();
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asString()).isNotBlank();
        return body;
    }

    /** A 400 VALIDATION_FAILED problem whose errors name exactly these fields. */
    protected static void invalid(Http.Answer answer, String... fields) {
        JsonNode body = problem(answer, 400, "VALIDATION_FAILED");
        assertThat(body.get("errors").findValuesAsString("field")).as(answer.body())
                .containsExactlyInAnyOrderElementsOf(List.of(fields));
    }

    protected long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
