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
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
