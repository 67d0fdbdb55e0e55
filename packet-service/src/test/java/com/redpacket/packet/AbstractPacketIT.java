package com.redpacket.packet;

import com.redpacket.infra.TestInfra;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * packet-service on real MariaDB and a real Kafka broker. Its peers (settlement, payment, grab, user) are stood in for
 * by {@link PeerStandIns}, a controller in the same context that the Feign clients reach through simple discovery.
 * One context for every IT of the module.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
public abstract class AbstractPacketIT {
    static final int PORT = freePort();
    private static final AtomicLong USERS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

    @Autowired
    protected PeerStandIns peers;
    @Autowired
    protected JdbcClient jdbc;

    protected final Http http = new Http(PORT);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.mysql(registry, "packet");
        TestInfra.kafka(registry);
        registry.add("server.port", () -> PORT);
        for (String peer : List.of("settlement-service", "payment-service", "grab-service", "user-service")) {
            registry.add("spring.cloud.discovery.client.simple.instances." + peer + "[0].uri",
                    () -> "http://localhost:" + PORT);
        }
    }

    /** A user id no other test uses. */
    protected static long newUser() {
        return USERS.incrementAndGet();
    }

    protected long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) {
            spec = spec.param(p);
        }
        return spec.query(Long.class).single();
    }

    /** A group of {@code first} and {@code others} new users (at the user-service stand-in). */
    protected long group(long first, int others) {
        List<Long> members = new ArrayList<>(List.of(first));
        for (int i = 0; i < others; i++) {
            members.add(newUser());
        }
        long id = newUser();
        peers.groups.put(id, members);
        return id;
    }

    protected long groupWith(long... members) {
        long id = newUser();
        peers.groups.put(id, Arrays.stream(members).boxed().toList());
        return id;
    }

    protected List<Long> members(long groupId) {
        return peers.groups.get(groupId);
    }

    /** Sends a packet paid from a wallet that holds enough; returns its id. */
    protected long sendPaid(long sender, Map<String, Object> body) {
        peers.balances.merge(sender, 10_000_000L, Long::sum);
        Http.Answer answer = http.post("/api/packets", sender, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return Long.parseLong(answer.json().get("id").asString());
    }

    protected Http.Answer claim(long packetId, int seq, long userId) {
        return http.post("/internal/packets/" + packetId + "/claims", null,
                Map.of("seq", seq, "userId", userId));
    }

    /** Runs {@code n} copies of {@code task} at once (released together) and returns their results. */
    protected static <T> List<T> concurrently(int n, Callable<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(n)) {
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (var f : futures) {
                results.add(f.get());
            }
            return results;
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
