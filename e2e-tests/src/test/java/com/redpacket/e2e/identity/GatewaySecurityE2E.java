package com.redpacket.e2e.identity;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.support.TestUser;
import com.redpacket.e2e.support.Users;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static com.redpacket.e2e.identity.IdentityE2E.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway lets through: only verified callers, only as themselves, never to /internal. */
class GatewaySecurityE2E {
    private final Api api = Api.gateway();

    @Test
    void withoutAValidTokenEveryProtectedCallIs401() {
        TestUser user = Users.register();
        String[] parts = user.token().split("\\.");
        String unsigned = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        String otherSubject = b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(user.id(), "1"));
        String tampered = parts[0] + "." + otherSubject + "." + parts[2];
        for (String token : new String[]{null, "garbage", unsigned, tampered, parts[0] + "." + parts[1] + ".AAAA"}) {
            Api.Answer answer = api.get("/api/users/me", token);
            problem(answer, 401, "UNAUTHORIZED");
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        }
        problem(api.post("/api/groups", null, Map.of("name", "g")), 401, "UNAUTHORIZED");
    }

    @Test
    void aSpoofedCallerHeaderIsIgnored() {
        TestUser alice = Users.register();
        TestUser bob = Users.register();
        Api.Answer me = api.send("GET", "/api/users/me", alice.token(), null, Map.of("X-User-Id", bob.id()));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asString()).isEqualTo(alice.id());
        problem(api.send("GET", "/api/users/me", null, null, Map.of("X-User-Id", bob.id())), 401, "UNAUTHORIZED");
    }

    @Test
    void internalCallsAreUnreachableThroughTheGateway() {
        TestUser user = Users.register();
        for (String path : new String[]{"/internal/jwks", "/internal/groups/1/members", "/api/../internal/jwks",
                "/api/%2e%2e/internal/jwks", "/%2Finternal/jwks", "//internal/jwks", "/INTERNAL/jwks",
                "/api/users/..%2F..%2Finternal%2Fjwks"}) {
            problem(api.get(path, user.token()), 404, "NOT_FOUND");
        }
        problem(api.get("/no/such/route", null), 404, "NOT_FOUND");
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
