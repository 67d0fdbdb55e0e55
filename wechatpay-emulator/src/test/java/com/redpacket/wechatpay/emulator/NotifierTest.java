package com.redpacket.wechatpay.emulator;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static com.redpacket.wechatpay.emulator.Fixtures.KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Deliveries to a real HTTP endpoint that fails at first, as a merchant under trouble does. */
class NotifierTest {
    private final Background background = new Background();
    private final Notifier notifier = new Notifier(new PlatformSigner(KEYS, new Faults()), background, Fixtures.PROPS);
    private HttpServer merchant;

    @AfterEach
    void stop() {
        background.stop();
        if (merchant != null) {
            merchant.stop(0);
        }
    }

    @Test
    void aFailedDeliveryIsRetriedUntilTheMerchantAcknowledgesItSignedAfreshEachTime() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        List<String> signatures = new CopyOnWriteArrayList<>();
        merchant = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        merchant.createContext("/notify", exchange -> {
            signatures.add(exchange.getRequestHeaders().getFirst("Wechatpay-Signature"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(calls.incrementAndGet() < 3 ? 500 : 204, -1);
            exchange.close();
        });
        merchant.start();

        notifier.deliver("http://localhost:" + merchant.getAddress().getPort() + "/notify",
                new NotificationSealer.Sealed("n-1", "{\"id\":\"n-1\"}"), "TRANSACTION.SUCCESS", "P1", Duration.ZERO, Duration.ZERO, 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> notifier.attempts("P1").size() == 3);
        assertThat(notifier.attempts("P1")).extracting(Notifier.Attempt::status).containsExactly(500, 500, 204);
        assertThat(notifier.attempts("P1")).extracting(Notifier.Attempt::attempt).containsExactly(1, 2, 3);
        assertThat(signatures).doesNotHaveDuplicates();
    }

    @Test
    void copiesSpreadOverAWindowArriveApartAndNeverBeforeTheDelay() throws IOException {
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        merchant = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        merchant.createContext("/notify", exchange -> {
            arrivals.add(System.nanoTime());
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        merchant.start();
        long sent = System.nanoTime();

        notifier.deliver("http://localhost:" + merchant.getAddress().getPort() + "/notify",
                new NotificationSealer.Sealed("n-3", "{}"), "TRANSACTION.SUCCESS", "P3", Duration.ofMillis(200),
                Duration.ofMillis(1_500), 5);

        await().atMost(Duration.ofSeconds(10)).until(() -> arrivals.size() == 5);
        List<Long> millis = arrivals.stream().map(t -> (t - sent) / 1_000_000).sorted().toList();
        assertThat(millis.getFirst()).isGreaterThanOrEqualTo(200);
        assertThat(millis.getLast() - millis.getFirst()).as("arrivals %s", millis).isGreaterThan(50);
    }

    @Test
    void anUnreachableMerchantIsRecordedAndRetried() {
        notifier.deliver("http://localhost:1/notify", new NotificationSealer.Sealed("n-2", "{}"), "TRANSACTION.SUCCESS",
                "P2", Duration.ZERO, Duration.ZERO, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> notifier.attempts("P2").size() >= 4);
        assertThat(notifier.attempts("P2")).extracting(Notifier.Attempt::status).containsOnly(-1);
    }
}
