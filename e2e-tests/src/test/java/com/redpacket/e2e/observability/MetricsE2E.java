package com.redpacket.e2e.observability;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.packets.Packets;
import com.redpacket.e2e.payment.Emulator;
import com.redpacket.e2e.support.Groups;
import com.redpacket.e2e.support.TestGroup;
import com.redpacket.e2e.support.TestUser;
import com.redpacket.e2e.support.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After a short run of real traffic through the gateway (a top-up paid at the emulator and notified twice, a forged
 * notification, sends by balance and by WeChat Pay, grabs of every common outcome), each process's
 * {@code /actuator/prometheus}, scraped directly as Prometheus does, shows the meters ops read, counting that traffic.
 */
class MetricsE2E {
    private static final Api GATEWAY = Api.gateway();

    @BeforeAll
    static void shortLoad() {
        TestUser sender = Users.register();
        TestUser alice = Users.register();
        TestUser bob = Users.register();
        TestGroup group = Groups.create(sender, alice, bob);

        Api.Answer topup = GATEWAY.post("/api/wallet/topups", sender.token(), Map.of("amount", 1000, "channel", "NATIVE"));
        assertThat(topup.status()).as(topup.body()).isEqualTo(201);
        Emulator.pay(topup.json().get("outTradeNo").asString(), "?duplicates=2");
        await().atMost(Duration.ofSeconds(30)).until(() -> balance(sender) == 1000);
        Api.Answer forged = GATEWAY.post("/pay/notify/wechat", null, "{\"event_type\":\"TRANSACTION.SUCCESS\"}");
        assertThat(forged.status()).isBetween(400, 499);

        Api.Answer sent = GATEWAY.post("/api/packets", sender.token(), Packets.lucky(group.id(), 2, 300, "BALANCE"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String packet = sent.json().get("id").asString();
        assertThat(grab(packet, alice)).isEqualTo("GRABBED");
        assertThat(grab(packet, alice)).isEqualTo("ALREADY_GRABBED");
        assertThat(grab(packet, bob)).isEqualTo("GRABBED");
        assertThat(grab(packet, sender)).isEqualTo("SOLD_OUT");

        Api.Answer unpaid = GATEWAY.post("/api/packets", sender.token(), Packets.lucky(group.id(), 2, 300, "WECHAT"));
        assertThat(unpaid.status()).as(unpaid.body()).isEqualTo(201);
        assertThat(grab(unpaid.json().get("id").asString(), alice)).isEqualTo("NOT_PAYABLE_YET");
    }

    @Test
    void grabServiceCountsAndTimesEveryGrabByOutcome() {
        Scrape grab = Scrape.of(Meters.Process.GRAB);
        for (String outcome : List.of("GRABBED", "ALREADY_GRABBED", "SOLD_OUT", "NOT_PAYABLE_YET")) {
            assertThat(grab.sum("redpacket_grabs_seconds_count", "outcome", outcome)).as(outcome).isPositive();
        }
        assertThat(grab.samples("redpacket_grabs_seconds_count", "application", "grab-service")).isNotEmpty();
        assertThat(grab.sum("redpacket_grabs_seconds_bucket", "outcome", "GRABBED", "le", "+Inf"))
                .as("a histogram, for the p99").isPositive();
        assertThat(grab.samples("redpacket_grabs_seconds_bucket", "outcome", "GRABBED")).hasSizeGreaterThan(10);
    }

    @Test
    void packetServiceCountsSendsByTypeAndPayChannel() {
        Scrape packet = Scrape.of(Meters.Process.PACKET);
        assertThat(packet.sum("redpacket_packets_sent_total", "type", "GROUP_LUCKY", "pay_channel", "BALANCE"))
                .isPositive();
        assertThat(packet.sum("redpacket_packets_sent_total", "type", "GROUP_LUCKY", "pay_channel", "WECHAT"))
                .isPositive();
    }

    @Test
    void paymentServiceCountsNotificationsByResult() {
        Scrape payment = Scrape.of(Meters.Process.PAYMENT);
        assertThat(payment.sum("redpacket_payment_notifications_total", "result", "accepted")).isPositive();
        assertThat(payment.sum("redpacket_payment_notifications_total", "result", "duplicate")).isPositive();
        assertThat(payment.sum("redpacket_payment_notifications_total", "result", "refused", "reason", "malformed"))
                .isPositive();
    }

    @Test
    void everyOutboxPublishesAndShowsItsLag() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (Meters.Process process : Meters.SERIES.get("redpacket_outbox_published_total")) {
                Scrape scrape = Scrape.of(process);
                assertThat(scrape.sum("redpacket_outbox_published_total")).as(process + " published").isPositive();
                assertThat(scrape.samples("redpacket_outbox_pending")).as(process + " pending").hasSize(1);
                assertThat(scrape.samples("redpacket_outbox_oldest_age_seconds")).as(process + " lag").hasSize(1);
            }
        });
    }

    @Test
    void consumersShowTheirLagAndWhatTheyConsumed() {
        for (Meters.Process process : Meters.SERIES.get("kafka_consumer_fetch_manager_records_lag_max")) {
            Scrape scrape = Scrape.of(process);
            assertThat(scrape.samples("kafka_consumer_fetch_manager_records_lag_max")).as(process + " lag")
                    .isNotEmpty().allSatisfy(s -> assertThat(s.value()).isNotNegative());
            assertThat(scrape.sum("kafka_consumer_fetch_manager_records_consumed_total")).as(process + " consumed")
                    .isPositive();
        }
    }

    @Test
    void settlementShowsAFreshGreenInvariantReportAndItsReconciliation() {
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> assertThat(Scrape.of(Meters.Process.SETTLEMENT)
                .sum("redpacket_settlement_invariants_checked_at_seconds")).as("checked since start").isPositive());
        Scrape settlement = Scrape.of(Meters.Process.SETTLEMENT);
        double checkedAt = settlement.sum("redpacket_settlement_invariants_checked_at_seconds");
        assertThat(System.currentTimeMillis() / 1000.0 - checkedAt).as("seconds since the last check")
                .isLessThan(120);
        assertThat(settlement.samples("redpacket_settlement_invariants_violations")).singleElement()
                .satisfies(s -> assertThat(s.value()).as("violations: 0 is the only good value").isZero());
        assertThat(settlement.samples("redpacket_settlement_reconciliation_fixed_total"))
                .as("present; it counts only what the event path missed, so it stays 0 here").hasSize(1);
    }

    @Test
    void everyProcessShowsEveryMeterOpsReadTaggedWithItsApplication() {
        Map<Meters.Process, Scrape> scrapes = new EnumMap<>(Meters.Process.class);
        for (Map.Entry<String, List<Meters.Process>> meter : Meters.SERIES.entrySet()) {
            for (Meters.Process process : meter.getValue()) {
                assertThat(scrapes.computeIfAbsent(process, Scrape::of).samples(meter.getKey(), "application",
                        process.name))
                        .as("%s on %s", meter.getKey(), process).isNotEmpty()
                        .allSatisfy(s -> assertThat(s.labels()).containsKey("instance"));
            }
        }
        assertThat(Scrape.of(Meters.Process.GATEWAY).sum("http_server_requests_seconds_count")).isPositive();
    }

    private static String grab(String packet, TestUser user) {
        Api.Answer answer = GATEWAY.post("/api/packets/" + packet + "/grab", user.token(), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("outcome").asString();
    }

    private static long balance(TestUser user) {
        Api.Answer wallet = GATEWAY.get("/api/wallet", user.token());
        assertThat(wallet.status()).as(wallet.body()).isEqualTo(200);
        return wallet.json().get("balance").asLong();
    }
}
