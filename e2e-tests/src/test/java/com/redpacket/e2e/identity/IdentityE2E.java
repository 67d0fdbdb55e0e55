package com.redpacket.e2e.identity;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.support.Groups;
import com.redpacket.e2e.support.TestGroup;
import com.redpacket.e2e.support.TestUser;
import com.redpacket.e2e.support.Users;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Register, login, me and groups as the app does them, through the gateway. */
class IdentityE2E {
    private final Api api = Api.gateway();

    @Test
    void registerLoginAndMe() {
        TestUser user = Users.register("小红🧧");
        Api.Answer me = api.get("/api/users/me", user.token());
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("id").asString()).isEqualTo(user.id());
        assertThat(me.json().get("username").asString()).isEqualTo(user.username());
        assertThat(me.json().get("nickname").asString()).isEqualTo("小红🧧");
        assertThat(me.header("Cache-Control")).contains("no-store");
        assertThat(me.header("X-Content-Type-Options")).isEqualTo("nosniff");

        Api.Answer again = api.post("/api/users/register", null,
                Map.of("username", user.username().toUpperCase(), "password", "another-pass", "nickname", "x"));
        problem(again, 409, "USERNAME_TAKEN");
        problem(api.post("/api/users/login", null, Map.of("username", user.username(), "password", "wrong-password")),
                401, "UNAUTHORIZED");
        JsonNode invalid = problem(api.post("/api/users/register", null, Map.of("username", "a b", "password", "x")),
                400, "VALIDATION_FAILED");
        assertThat(invalid.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("username", "password", "nickname");
    }

    @Test
    void groupsAreForTheirMembersOnly() {
        TestUser alice = Users.register();
        TestUser bob = Users.register();
        TestUser carol = Users.register();
        TestGroup group = Groups.create(alice, bob);
        assertThat(group.ownerId()).isEqualTo(alice.id());
        assertThat(group.memberIds()).containsExactly(alice.id(), bob.id());

        assertThat(api.get("/api/groups/" + group.id(), bob.token()).status()).isEqualTo(200);
        problem(api.get("/api/groups/" + group.id(), carol.token()), 404, "GROUP_NOT_FOUND");
        problem(api.post("/api/groups/" + group.id() + "/members", carol.token(), Map.of("userId", carol.id())),
                404, "GROUP_NOT_FOUND");

        TestGroup grown = Groups.addMember(group, bob, carol);
        assertThat(grown.memberIds()).containsExactly(alice.id(), bob.id(), carol.id());
        assertThat(api.get("/api/groups/" + group.id(), carol.token()).status()).isEqualTo(200);
    }

    static JsonNode problem(Api.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = answer.json();
        assertThat(body.get("code").asString()).isEqualTo(code);
        return body;
    }
}
