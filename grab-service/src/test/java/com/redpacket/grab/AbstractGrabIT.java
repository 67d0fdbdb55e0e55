package com.redpacket.grab;

import com.redpacket.contracts.internal.ArmRequest;
import com.redpacket.grab.slots.SlotStore;
import com.redpacket.infra.TestInfra;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * grab-service on the real Redis (database 1, only this test's keys are touched) and a real Kafka broker; its peers
 * are {@link PacketServiceStandIn} (its own HTTP server), reached through simple discovery. One context for every IT of the module.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
public abstract class AbstractGrabIT {
    static final int PORT = freePort();
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 10_000);

    protected static final PacketServiceStandIn peers = PacketServiceStandIn.start();

    @Autowired
    protected StringRedisTemplate redis;

    private final List<Long> touched = new ArrayList<>();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.redis(registry);
        TestInfra.kafka(registry);
        registry.add("server.port", () -> PORT);
        // long enough that a test's grabs of a sold-out packet all fall within one remembered state
        registry.add("redpacket.grab.sold-out-memory", () -> "10s");
        for (String peer : List.of("packet-service", "user-service")) {
            registry.add("spring.cloud.discovery.client.simple.instances." + peer + "[0].uri",
                    () -> "http://127.0.0.1:" + peers.port());
        }
    }

    @AfterEach
    void forgetKeys() {
        touched.forEach(this::deleteKeys);
    }

    protected static long newId() {
        return IDS.incrementAndGet();
    }

    /** A group of {@code size} new users. */
    protected long group(int size) {
        long id = newId();
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(newId());
        }
        peers.groups.put(id, new java.util.concurrent.CopyOnWriteArrayList<>(members));
        return id;
    }

    /** A paid packet at the packet-service stand-in with random shares summing to {@code count}·100 fen. */
    protected PacketServiceStandIn.Fake packet(int count, Long groupId, Long receiverId) {
        long[] amounts = new long[count];
        for (int i = 0; i < count; i++) {
            amounts[i] = 50 + ThreadLocalRandom.current().nextLong(101);
        }
        long id = newId();
        touched.add(id);
        PacketServiceStandIn.Fake fake = new PacketServiceStandIn.Fake(id, groupId, receiverId,
                Instant.now().plus(Duration.ofHours(24)), amounts);
        peers.packets.put(id, fake);
        return fake;
    }

    /** packet-service's arming call. */
    protected void arm(PacketServiceStandIn.Fake fake) {
        var state = fake.liveState();
        ArmRequest request = new ArmRequest(fake.id, 1, state.groupId(), state.receiverId(), state.expiresAt(),
                state.freeSeqs(), state.claims());
        int status = send("PUT", "/internal/packets/" + fake.id + "/arming", null, JSON.writeValueAsString(request))
                .statusCode();
        assertThat(status).isEqualTo(204);
    }

    protected Answer grab(long packetId, long userId) {
        HttpResponse<String> r = send("POST", "/api/packets/" + packetId + "/grab", userId, null);
        return new Answer(r.statusCode(), r.body());
    }

    protected void deleteKeys(long packetId) {
        redis.delete(List.of(SlotStore.key(packetId, "meta"), SlotStore.key(packetId, "slots"),
                SlotStore.key(packetId, "grabbers"), SlotStore.key(packetId, "lock")));
    }

    protected HttpResponse<String> send(String method, String path, Long userId, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (userId != null) {
            request.header("X-User-Id", Long.toString(userId));
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A grab's answer: status and body. */
    public record Answer(int status, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String outcome() {
            return json().path("outcome").asString();
        }
    }

    protected static final class Tally {
        final ConcurrentHashMap<String, AtomicLong> outcomes = new ConcurrentHashMap<>();

        void add(Answer a) {
            outcomes.computeIfAbsent(a.status() == 200 ? a.outcome() : "HTTP " + a.status(), k -> new AtomicLong())
                    .incrementAndGet();
        }

        long of(String outcome) {
            AtomicLong n = outcomes.get(outcome);
            return n == null ? 0 : n.get();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
