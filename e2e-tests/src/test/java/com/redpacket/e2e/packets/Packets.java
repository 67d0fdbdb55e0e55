package com.redpacket.e2e.packets;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.support.TestUser;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Packet calls as the app makes them (API.md "Red packets"), and the few direct service calls the storms need. */
public final class Packets {
    static final Api GATEWAY = Api.gateway();
    /** grab-service itself, where the storms act for many users by the caller header the gateway would set */
    static final Api GRAB = new Api(Api.env("REDPACKET_GRAB_URL", "http://localhost:8083"));

    private Packets() {
    }

    public static Map<String, Object> lucky(String groupId, int count, long total, String payChannel) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "GROUP_LUCKY");
        body.put("groupId", groupId);
        body.put("count", count);
        body.put("totalAmount", total);
        body.put("greeting", "恭喜发财，大吉大利");
        body.put("payChannel", payChannel);
        return body;
    }

    /** A WECHAT lucky packet the sender's app confirmed paying (pay_status 2): armed, grabbable, not yet credited. */
    public static String sendAppConfirmed(TestUser sender, String groupId, int count, long total) {
        Api.Answer sent = GATEWAY.post("/api/packets", sender.token(), lucky(groupId, count, total, "WECHAT"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().get("payment").get("outTradeNo").asString()).isNotBlank();
        String id = sent.json().get("id").asString();
        Api.Answer confirmed = GATEWAY.post("/api/packets/" + id + "/client-paid", sender.token(), null);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("payStatus").asInt()).isEqualTo(2);
        return id;
    }

    /** A grab at grab-service with the caller header, as the gateway forwards it. */
    static Api.Answer grabAs(String packetId, String userId) {
        return GRAB.send("POST", "/api/packets/" + packetId + "/grab", null, null, Map.of("X-User-Id", userId));
    }

    static JsonNode detail(String packetId, TestUser reader) {
        Api.Answer detail = GATEWAY.get("/api/packets/" + packetId, reader.token());
        assertThat(detail.status()).as(detail.body()).isEqualTo(200);
        return detail.json();
    }

    /** {@code n} calls released at once, each on its own virtual thread; their answers in call order. */
    static <T> List<T> atOnce(int n, IntFunction<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }

    /** Deletes the packet's grab-side keys in the running system's Redis (database 0), as a Redis restart would. */
    static void forgetInRedis(String packetId) {
        RedisClient client = RedisClient.create(Api.env("REDPACKET_REDIS_URL", "redis://127.0.0.1:6379/0"));
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            String tag = "{rp:" + packetId + "}:";
            redis.sync().del(tag + "meta", tag + "slots", tag + "grabbers", tag + "lock");
        } finally {
            client.shutdown();
        }
    }
}
