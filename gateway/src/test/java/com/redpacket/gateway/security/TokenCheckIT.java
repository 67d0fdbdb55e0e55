package com.redpacket.gateway.security;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.redpacket.gateway.AbstractGatewayIT;
import com.redpacket.gateway.Downstream;
import com.redpacket.gateway.Http;
import com.redpacket.gateway.Tokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every /api call but register and login needs a token user-service signed, for this API, still valid. */
class TokenCheckIT extends AbstractGatewayIT {

    @Test
    void aValidTokenPassesAndTheServiceSeesOnlyItsSubjectAsTheCaller() {
        String token = Tokens.sign(KEY, Tokens.claims("4242").build());
        Http.Answer answer = http().bearer(token).header("X-User-Id", "1").header("x-user-id", "2")
                .get("/api/users/me");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode seen = answer.json().get("headers");
        assertThat(seen.get("x-user-id").asString()).isEqualTo("4242");
        assertThat(seen.has("authorization")).as("the token stays at the edge").isFalse();
        assertThat(seen.get("x-request-id").asString()).isEqualTo(answer.header("X-Request-Id"));
    }

    @Test
    void publicCallsCarryNoCallerWhateverTheClientClaims() {
        Http.Answer register = http().header("X-User-Id", "1").post("/api/users/register", "{\"username\":\"x\"}");
        assertThat(register.status()).isEqualTo(200);
        assertThat(register.json().get("headers").has("x-user-id")).isFalse();
        assertThat(register.json().get("body").asString()).isEqualTo("{\"username\":\"x\"}");

        Http.Answer staleTokenLogin = http().bearer("expired.or.garbage").post("/api/users/login", "{}");
        assertThat(staleTokenLogin.status()).as("a stale token must not lock the user out of login").isEqualTo(200);
        assertThat(staleTokenLogin.json().get("headers").has("x-user-id")).isFalse();

        Http.Answer notify = http().header("X-User-Id", "1").post("/pay/notify/wechat", "{}");
        assertThat(notify.status()).isEqualTo(200);
        assertThat(notify.json().get("headers").has("x-user-id")).isFalse();
    }

    @Test
    void noTokenIs401WithABearerChallenge() {
        for (String path : new String[]{"/api/users/me", "/api/groups/1", "/api/wallet", "/api/packets/sent",
                "/api/no-such-thing"}) {
            Http.Answer answer = http().header("X-User-Id", "1").get(path);
            problem(answer, 401, "UNAUTHORIZED");
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
        problem(http().post("/api/packets/1/grab", null), 401, "UNAUTHORIZED");
        problem(http().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/users/me"), 401, "UNAUTHORIZED");
    }

    @Test
    void everyForgedBentOrStaleTokenIs401() {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        RSAKey stranger = Tokens.newKey("stranger");
        RSAKey impostor = Tokens.newKey(KEY.getKeyID());
        Map<String, String> refused = Map.of(
                "expired", Tokens.sign(KEY, Tokens.claims("7").issueTime(Date.from(past.minusSeconds(60)))
                        .expirationTime(Date.from(past)).build()),
                "wrong issuer", Tokens.sign(KEY, Tokens.claims("7").issuer("https://evil.example").build()),
                "wrong audience", Tokens.sign(KEY, Tokens.claims("7").audience("another-api").build()),
                "foreign key", Tokens.sign(stranger, Tokens.claims("7").build()),
                "foreign key posing with our kid", Tokens.sign(impostor, Tokens.claims("7").build()),
                "alg none", Tokens.unsigned(Tokens.claims("7").build()),
                "HMAC with the public key", Tokens.hmacWithPublicKey(KEY, Tokens.claims("7").build()),
                "subject not a user id", Tokens.sign(KEY, Tokens.claims("admin").build()),
                "no expiry", Tokens.sign(KEY, new JWTClaimsSet.Builder(Tokens.claims("7").build())
                        .expirationTime(null).build()),
                "not a JWT", "abc.def.ghi");
        refused.forEach((kind, token) -> {
            Http.Answer answer = http().bearer(token).get("/api/users/me");
            assertThat(answer.status()).as(kind + ": " + answer.body()).isEqualTo(401);
            problem(answer, 401, "UNAUTHORIZED");
            assertThat(answer.header("WWW-Authenticate")).as(kind).startsWith("Bearer error=\"invalid_token\"");
            assertThat(answer.body()).as(kind).doesNotContain(token);
        });
        String tampered = Tokens.sign(KEY, Tokens.claims("7").build());
        String[] parts = tampered.split("\\.");
        String otherPayload = Tokens.sign(KEY, Tokens.claims("8").build()).split("\\.")[1];
        problem(http().bearer(parts[0] + "." + otherPayload + "." + parts[2]).get("/api/users/me"), 401, "UNAUTHORIZED");
    }

    @Test
    void whileUserServiceIsDownNewKeysAre503AndTheGatewayRecoversWithoutARestart() {
        Downstream downstream = Downstream.get();
        RSAKey rotated = Tokens.newKey("user-service-key-2");
        String oldKeyToken = Tokens.sign(KEY, Tokens.claims("11").build());
        String newKeyToken = Tokens.sign(rotated, Tokens.claims("12").build());
        assertThat(http().bearer(oldKeyToken).get("/api/users/me").status()).isEqualTo(200);
        downstream.jwks(() -> null);
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Http.Answer answer = http().bearer(newKeyToken).get("/api/users/me");
                problem(answer, 503, "UPSTREAM_UNAVAILABLE");
                assertThat(answer.header("Retry-After")).isNotBlank();
            });
            assertThat(http().bearer(oldKeyToken).get("/api/users/me").status())
                    .as("keys fetched before keep working during the outage").isEqualTo(200);
        } finally {
            downstream.jwks(() -> Tokens.jwks(KEY, rotated));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Http.Answer answer = http().bearer(newKeyToken).get("/api/users/me");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().get("headers").get("x-user-id").asString()).isEqualTo("12");
        });
    }
}
