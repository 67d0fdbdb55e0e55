package com.redpacket.user.account;

import com.redpacket.user.AbstractUserServiceIT;
import com.redpacket.user.Http;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class AccountIT extends AbstractUserServiceIT {

    @Test
    void registerLoginAndMe() {
        String name = uniqueName();
        Http.Answer registered = post("/api/users/register",
                "{\"username\":\"" + name + "\",\"password\":\"s3cret-pass\",\"nickname\":\"  小红🧧 \"}", null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonNode user = registered.json();
        assertThat(user.get("id").isString()).isTrue();
        assertThat(user.get("username").asString()).isEqualTo(name);
        assertThat(user.get("nickname").asString()).isEqualTo("小红🧧");
        assertThat(user.has("password")).isFalse();
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = :u").param("u", name)
                .query(String.class).single();
        assertThat(hash).startsWith("$2a$").doesNotContain("s3cret-pass");

        Http.Answer login = post("/api/users/login",
                "{\"username\":\"" + name.toUpperCase() + "\",\"password\":\"s3cret-pass\"}", null);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.cacheControl()).contains("no-store");
        JsonNode answer = login.json();
        assertThat(answer.get("userId").asString()).isEqualTo(user.get("id").asString());
        assertThat(answer.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(answer.get("expiresIn").asLong()).isEqualTo(7200);

        Jwt jwt = verifiedWithThePublishedKeys(answer.get("token").asString());
        assertThat(jwt.getSubject()).isEqualTo(user.get("id").asString());
        assertThat(jwt.getAudience()).containsExactly("redpacket-api");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(2));
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
        assertThat(jwt.getId()).isNotBlank();

        Http.Answer me = get("/api/users/me", Long.parseLong(jwt.getSubject()));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json()).isEqualTo(user);
    }

    @Test
    void aUsernameIsTakenWhateverItsCase() {
        String name = uniqueName();
        assertThat(post("/api/users/register", body(name), null).status()).isEqualTo(201);
        problem(post("/api/users/register", body(name), null), 409, "USERNAME_TAKEN");
        problem(post("/api/users/register", body(name.toUpperCase()), null), 409, "USERNAME_TAKEN");
        assertThat(count("SELECT COUNT(*) FROM app_user WHERE username = '" + name + "'")).isEqualTo(1);
    }

    @Test
    void concurrentRegistrationsOfOneNameHaveExactlyOneWinner() throws Exception {
        String name = uniqueName();
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            attempts.add(() -> {
                start.await();
                return post("/api/users/register", body(name), null).status();
            });
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            List<Future<Integer>> futures = attempts.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
        }
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM app_user WHERE username = '" + name + "'")).isEqualTo(1);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSame401() {
        String name = uniqueName();
        post("/api/users/register", body(name), null);
        JsonNode wrong = problem(post("/api/users/login",
                "{\"username\":\"" + name + "\",\"password\":\"not-the-password\"}", null), 401, "UNAUTHORIZED");
        JsonNode unknown = problem(post("/api/users/login",
                "{\"username\":\"" + uniqueName() + "\",\"password\":\"password-1\"}", null), 401, "UNAUTHORIZED");
        assertThat(wrong.get("detail")).isEqualTo(unknown.get("detail"));
        assertThat(wrong.has("token")).isFalse();
    }

    @Test
    void aUsernameNobodyCouldHaveRegisteredIsAnUnknownUserNotA500() {
        for (String impossible : new String[]{"🧧红包🧧", "红".repeat(26), "\u202Eadmin", "a\u200Bb", "e\u0301e",
                "' OR '1'='1"}) {
            JsonNode refused = problem(post("/api/users/login",
                    "{\"username\":\"" + impossible + "\",\"password\":\"password-1\"}", null), 401, "UNAUTHORIZED");
            assertThat(refused.get("detail").asString()).isEqualTo("Wrong username or password");
        }
    }

    @Test
    void meNeedsTheGatewaysHeaderAndAnExistingUser() {
        problem(get("/api/users/me", null), 401, "UNAUTHORIZED");
        problem(Http.send(port, "GET", "/api/users/me", null, java.util.Map.of("X-User-Id", "abc")), 401, "UNAUTHORIZED");
        problem(get("/api/users/me", 1L), 404, "USER_NOT_FOUND");
    }

    private Jwt verifiedWithThePublishedKeys(String token) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/internal/jwks")
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer("redpacket-user-service"));
        return decoder.decode(token);
    }

    private static String body(String username) {
        return "{\"username\":\"" + username + "\",\"password\":\"password-1\",\"nickname\":\"n\"}";
    }
}
