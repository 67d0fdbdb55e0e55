package com.redpacket.user;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever arrives at an identity endpoint, the answer is a 4xx problem naming the field, never a 500, and nothing is
 * written. Every table is counted before and after.
 */
class BadInputIT extends AbstractUserServiceIT {
    private static final String REGISTER = "/api/users/register";
    private static final String LOGIN = "/api/users/login";

    @Test
    void registerRefusesEverythingMalformed() {
        long before = writes();
        String u = uniqueName();
        invalid(post(REGISTER, "{\"password\":\"password-1\",\"nickname\":\"n\"}", null), "username");
        invalid(post(REGISTER, "{\"username\":\"" + u + "\",\"nickname\":\"n\"}", null), "password");
        invalid(post(REGISTER, "{\"username\":\"" + u + "\",\"password\":\"password-1\"}", null), "nickname");
        invalid(post(REGISTER, "{}", null), "username", "password", "nickname");
        invalid(post(REGISTER, "{\"username\":123,\"password\":\"password-1\",\"nickname\":\"n\"}", null), "username");
        invalid(post(REGISTER, "{\"username\":\"" + u + "\",\"password\":true,\"nickname\":\"n\"}", null), "password");
        invalid(post(REGISTER, "{\"username\":\"" + u + "\",\"password\":\"password-1\",\"nickname\":{}}", null),
                "nickname");
        invalid(post(REGISTER, reg("x".repeat(33), "password-1", "n"), null), "username");
        invalid(post(REGISTER, reg("bad name", "password-1", "n"), null), "username");
        invalid(post(REGISTER, reg("a\\nb", "password-1", "n"), null), "username");
        invalid(post(REGISTER, reg(u, "short", "n"), null), "password");
        invalid(post(REGISTER, reg(u, "p".repeat(73), "n"), null), "password");
        invalid(post(REGISTER, reg(u, "password-1", "🧧".repeat(33)), null), "nickname");
        invalid(post(REGISTER, reg(u, "password-1", "nul\\u0000byte"), null), "nickname");
        invalid(post(REGISTER, reg(u, "password-1", "lone\\uD800surrogate"), null), "nickname");
        invalid(post(REGISTER, reg(u, "password-1", "   "), null), "nickname");
        invalid(post(REGISTER, reg("", "", ""), null), "username", "password", "nickname");
        assertNotJsonIsRefused(REGISTER);
        assertThat(count("SELECT COUNT(*) FROM app_user WHERE username = '" + u + "'")).isZero();
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void loginRefusesEverythingMalformed() {
        invalid(post(LOGIN, "{\"password\":\"password-1\"}", null), "username");
        invalid(post(LOGIN, "{\"username\":\"bob\"}", null), "password");
        invalid(post(LOGIN, "{\"username\":[\"bob\"],\"password\":\"password-1\"}", null), "username");
        invalid(post(LOGIN, "{\"username\":\"bob\",\"password\":12345678}", null), "password");
        invalid(post(LOGIN, "{\"username\":\"" + "b".repeat(33) + "\",\"password\":\"password-1\"}", null), "username");
        invalid(post(LOGIN, "{\"username\":\"bob\",\"password\":\"" + "p".repeat(73) + "\"}", null), "password");
        assertNotJsonIsRefused(LOGIN);
    }

    @Test
    void groupCallsRefuseEverythingMalformed() {
        long owner = register();
        long before = writes();
        invalid(post("/api/groups", "{\"memberIds\":[]}", owner), "name");
        invalid(post("/api/groups", "{\"name\":7,\"memberIds\":[]}", owner), "name");
        invalid(post("/api/groups", "{\"name\":\"" + "群".repeat(65) + "\"}", owner), "name");
        invalid(post("/api/groups", "{\"name\":\"tab\\there\"}", owner), "name");
        invalid(post("/api/groups", "{\"name\":\"g\",\"memberIds\":\"1\"}", owner), "memberIds");
        invalid(post("/api/groups", "{\"name\":\"g\",\"memberIds\":[{\"id\":1}]}", owner), "memberIds[0]");
        invalid(post("/api/groups", "{\"name\":\"g\",\"memberIds\":[\"abc\",\"-5\"]}", owner),
                "memberIds[0]", "memberIds[1]");
        invalid(post("/api/groups", "{\"name\":\"g\",\"memberIds\":[\"" + owner + "\",\"1\"]}", owner),
                "memberIds[1]");
        invalid(post("/api/groups", "{\"name\":\"g\",\"memberIds\":[" + "\"1\",".repeat(600) + "\"1\"]}", owner),
                "memberIds");
        assertNotJsonIsRefused("/api/groups", owner);

        long group = createGroup(owner);
        long afterCreate = writes();
        String members = "/api/groups/" + group + "/members";
        invalid(post(members, "{}", owner), "userId");
        invalid(post(members, "{\"userId\":[1]}", owner), "userId");
        invalid(post(members, "{\"userId\":\"12x\"}", owner), "userId");
        invalid(post(members, "{\"userId\":\"1\"}", owner), "userId");
        invalid(post("/api/groups/abc/members", "{\"userId\":\"" + owner + "\"}", owner), "id");
        invalid(get("/api/groups/abc", owner), "id");
        invalid(get("/internal/groups/abc/members", null), "id");
        assertNotJsonIsRefused(members, owner);
        assertThat(writes()).isEqualTo(afterCreate);
        assertThat(afterCreate - before).as("only the valid group, its owner and their join event").isEqualTo(3);
    }

    private void assertNotJsonIsRefused(String path) {
        assertNotJsonIsRefused(path, null);
    }

    private void assertNotJsonIsRefused(String path, Long caller) {
        Map<String, String> headers = caller == null ? Map.of() : Map.of("X-User-Id", caller.toString());
        invalid(post(path, "{\"username\":", caller), "body");
        invalid(post(path, "username=bob&password=x", caller), "body");
        invalid(post(path, "", caller), "body");
        invalid(post(path, "[]", caller), "body");
        invalid(post(path, "{} {}", caller), "body");
        problem(Http.send(port, "POST", path, "{}", merge(headers, Map.of("Content-Type", "text/plain"))),
                415, "UNSUPPORTED_MEDIA_TYPE");
        String huge = "{\"username\":\"" + "x".repeat(70_000) + "\"}";
        problem(post(path, huge, caller), 413, "PAYLOAD_TOO_LARGE");
    }

    private long createGroup(long owner) {
        Http.Answer created = post("/api/groups", "{\"name\":\"ok\"}", owner);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Long.parseLong(created.json().get("id").asString());
    }

    /** Rows in every table a bad request could have touched. */
    private long writes() {
        return count("SELECT (SELECT COUNT(*) FROM app_user) + (SELECT COUNT(*) FROM chat_group)"
                + " + (SELECT COUNT(*) FROM group_member) + (SELECT COUNT(*) FROM outbox_event)");
    }

    private static String reg(String username, String password, String nickname) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"nickname\":\"" + nickname + "\"}";
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        var all = new java.util.HashMap<>(a);
        all.putAll(b);
        return all;
    }
}
