package com.redpacket.payment;

import com.redpacket.infra.TestInfra;
import com.redpacket.wechatpay.emulator.WechatPayEmulatorApplication;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * payment-service on real MariaDB and Kafka, talking through the real wechatpay-java SDK to a real WeChat Pay
 * emulator started once in this JVM. The service listens on a fixed free port, so the emulator can deliver its
 * notifications to it as WeChat Pay would. One context for every IT of the module.
 */
@SpringBootTest(classes = PaymentServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
public abstract class AbstractPaymentIT {
    protected static final int PORT = freePort();
    private static final ConfigurableApplicationContext EMULATOR = WechatPayEmulatorApplication.startEmbedded(Map.of(
            "server.port", 0,
            "emulator.notify-retry-scale", 0.01,
            "emulator.refund-delay", "200ms"));
    protected static final TestHttp EMULATOR_HTTP = new TestHttp("http://localhost:"
            + WechatPayEmulatorApplication.port(EMULATOR));
    protected static final TestHttp SERVICE = new TestHttp("http://localhost:" + PORT);

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.mysql(registry, "payment");
        TestInfra.kafka(registry);
        registry.add("server.port", () -> PORT);
        registry.add("redpacket.wechatpay.base-url", () -> EMULATOR_HTTP.baseUrl());
        registry.add("redpacket.wechatpay.notify-url", () -> SERVICE.baseUrl() + "/pay/notify/wechat");
    }

    /** A test that ordered emulator faults must not leave them to the next one. */
    @AfterEach
    void noFaultsLeft() {
        EMULATOR_HTTP.send("DELETE", "/emulator/faults", null, Map.of());
    }

    protected static long newReferenceId() {
        return ThreadLocalRandom.current().nextLong(1, 1_000_000_000_000L);
    }

    /** Opens an order through the internal endpoint, as packet-service does. */
    protected static JsonNode openOrder(String purpose, long referenceId, long userId, long amount, String channel) {
        TestHttp.Answer answer = SERVICE.post("/internal/payments/orders", Map.of("purpose", purpose,
                "referenceId", referenceId, "userId", userId, "amount", amount, "channel", channel,
                "payerOpenId", "oPayerOpenId123"), Map.of());
        if (answer.status() != 200) {
            throw new AssertionError("opening the order failed: " + answer);
        }
        return answer.json();
    }

    protected static JsonNode emulatorPay(String outTradeNo, String query) {
        TestHttp.Answer answer = EMULATOR_HTTP.post("/emulator/transactions/" + outTradeNo + "/pay" + query, null, Map.of());
        if (answer.status() != 200) {
            throw new AssertionError("the emulator could not pay: " + answer);
        }
        return answer.json();
    }

    protected String orderStatus(String outTradeNo) {
        return jdbc.sql("SELECT status FROM payment_order WHERE out_trade_no = :otn").param("otn", outTradeNo)
                .query(String.class).single();
    }

    /** Moves an order's deadline into the past and makes its next query due: its 15 minutes are up. */
    protected void expireNow(String outTradeNo) {
        jdbc.sql("""
                        UPDATE payment_order SET expires_at = NOW(6) - INTERVAL 1 SECOND, next_query_at = NOW(6)
                        WHERE out_trade_no = :otn""")
                .param("otn", outTradeNo).update();
    }

    protected long outboxCount(String eventType, String outTradeNo) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE event_type = :type AND payload LIKE :otn")
                .param("type", eventType)
                .param("otn", "%\"" + outTradeNo + "\"%")
                .query(Long.class).single();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
