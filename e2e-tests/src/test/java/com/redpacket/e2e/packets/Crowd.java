package com.redpacket.e2e.packets;

import com.redpacket.e2e.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many registered users at once, for the grab storms. They are registered at user-service directly (its public
 * register call, which needs no caller): through the gateway, a thousand registrations would queue behind the
 * per-IP register/login budget for most of a minute, and the gateway is not what the storms test. Their ids are
 * what the storms need; they act through grab-service with the caller header (see {@link GrabStormE2E}).
 */
final class Crowd {
    private Crowd() {
    }

    static List<String> register(int size) throws Exception {
        Api users = new Api(Api.env("REDPACKET_USER_URL", "http://localhost:8081"));
        List<Future<String>> ids = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < size; i++) {
                ids.add(pool.submit(() -> {
                    String username = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
                    Api.Answer a = users.post("/api/users/register", null,
                            Map.of("username", username, "password", "e2e-password-1", "nickname", "抢红包的人"));
                    if (a.status() != 201) {
                        throw new AssertionError("register " + username + ": " + a.status() + " " + a.body());
                    }
                    return a.json().get("id").asString();
                }));
            }
            List<String> result = new ArrayList<>();
            for (Future<String> id : ids) {
                result.add(id.get());
            }
            return result;
        }
    }
}
