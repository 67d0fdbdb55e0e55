package com.redpacket.e2e.support;

import com.redpacket.e2e.Api;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

/** Fresh users through the gateway: {@code Users.register()} creates a random one and logs it in. */
public final class Users {
    public static final String PASSWORD = "e2e-password-1";

    private Users() {
    }

    public static TestUser register() {
        return register("测试用户");
    }

    public static TestUser register(String nickname) {
        String username = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Api.Answer registered = Api.gateway().post("/api/users/register", null,
                Map.of("username", username, "password", PASSWORD, "nickname", nickname));
        expect(registered, 201, "register " + username);
        TestUser user = login(username, PASSWORD);
        if (!user.id().equals(registered.json().get("id").asString())) {
            throw new AssertionError("login answered another user id than registration: " + user + " " + registered.body());
        }
        return new TestUser(user.id(), username, PASSWORD, nickname, user.token());
    }

    public static TestUser login(String username, String password) {
        Api.Answer login = Api.gateway().post("/api/users/login", null,
                Map.of("username", username, "password", password));
        expect(login, 200, "login " + username);
        JsonNode body = login.json();
        return new TestUser(body.get("userId").asString(), username, password, null, body.get("token").asString());
    }

    static void expect(Api.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new AssertionError(what + ": expected " + status + " but got " + answer.status() + " " + answer.body());
        }
    }
}
