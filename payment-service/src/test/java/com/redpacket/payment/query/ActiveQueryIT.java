package com.redpacket.payment.query;

import com.redpacket.contracts.events.DomainEvent;
import com.redpacket.contracts.events.PaymentClosed;
import com.redpacket.contracts.events.PaymentPurpose;
import com.redpacket.contracts.events.PaymentSucceeded;
import com.redpacket.payment.AbstractPaymentIT;
import com.redpacket.payment.PaymentEvents;
import com.redpacket.payment.SignedNotifications;
import com.redpacket.payment.TestHttp;
import com.redpacket.platform.jdbc.SqlTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The active query (查单) against the emulator: it completes paid orders whose notification is late exactly as
 * the notification would, closes unpaid orders past their timeout, and learns nothing from answers it cannot
 * verify. The order timeout is 15 minutes here too; a test moves one order's deadline into the past instead.
 */
class ActiveQueryIT extends AbstractPaymentIT {

    @Test
    void aPaymentWhoseNotificationIsLateIsCompletedByTheQueryAndTheNotificationChangesNothing() {
        long packetId = newReferenceId();
        String otn = openOrder("PACKET", packetId, 21, 4321, "NATIVE").get("outTradeNo").asString();
        JsonNode payment = emulatorPay(otn, "?delayMs=600000");

        await().atMost(Duration.ofSeconds(20)).until(() -> orderStatus(otn).equals("SUCCEEDED"));
        String transactionId = payment.get("transactionId").asString();
        assertThat(jdbc.sql("SELECT source FROM wechat_transaction WHERE transaction_id = :tid")
                .param("tid", transactionId).query(String.class).single()).isEqualTo("QUERY");

        // the notification arrives after all (here signed by the test): acknowledged, nothing more happens
        SignedNotifications.Notification notification = SignedNotifications.signed(SignedNotifications.body(
                "TRANSACTION.SUCCESS", "transaction", SignedNotifications.paidTransaction(otn, transactionId, 4321)));
        TestHttp.Answer late = SERVICE.post("/pay/notify/wechat", notification.body(), notification.headers());
        assertThat(late.status()).isEqualTo(204);

        List<DomainEvent> events = PaymentEvents.of(otn, 1, Duration.ofSeconds(15));
        assertThat(events).hasSize(1).first().isInstanceOfSatisfying(PaymentSucceeded.class, e -> {
            assertThat(e.transactionId()).isEqualTo(transactionId);
            assertThat(e.referenceId()).isEqualTo(packetId);
        });
    }

    @Test
    void anUnpaidOrderPastItsTimeoutIsClosedAtWechatPayAndHere() {
        long packetId = newReferenceId();
        String otn = openOrder("PACKET", packetId, 22, 800, "APP").get("outTradeNo").asString();

        expireNow(otn);

        await().atMost(Duration.ofSeconds(20)).until(() -> orderStatus(otn).equals("CLOSED"));
        assertThat(EMULATOR_HTTP.get("/emulator/transactions/" + otn, Map.of()).json().get("tradeState").asString())
                .isEqualTo("CLOSED");
        List<DomainEvent> events = PaymentEvents.of(otn, 1, Duration.ofSeconds(15));
        assertThat(events).hasSize(1).first().isInstanceOfSatisfying(PaymentClosed.class, e -> {
            assertThat(e.purpose()).isEqualTo(PaymentPurpose.PACKET);
            assertThat(e.referenceId()).isEqualTo(packetId);
            assertThat(e.userId()).isEqualTo(22);
            assertThat(e.amount()).isEqualTo(800);
        });
    }

    @Test
    void anOrderPaidJustBeforeItsTimeoutIsCompletedNotClosed() {
        String otn = openOrder("PACKET", newReferenceId(), 23, 600, "NATIVE").get("outTradeNo").asString();
        emulatorPay(otn, "?duplicates=0");

        expireNow(otn);

        await().atMost(Duration.ofSeconds(20)).until(() -> orderStatus(otn).equals("SUCCEEDED"));
        assertThat(outboxCount("PaymentClosed", otn)).isZero();
        assertThat(outboxCount("PaymentSucceeded", otn)).isEqualTo(1);
    }

    @Test
    void whileWechatPaysAnswersDoNotVerifyTheQueryLearnsNothingAndTriesAgain() {
        String otn = openOrder("PACKET", newReferenceId(), 24, 700, "NATIVE").get("outTradeNo").asString();
        emulatorPay(otn, "?duplicates=0");
        EMULATOR_HTTP.post("/emulator/faults/bad-signature?count=100000", null, Map.of());
        jdbc.sql("UPDATE payment_order SET next_query_at = NOW(6) WHERE out_trade_no = :otn").param("otn", otn).update();
        // each turn books the next one a second ahead: a booking this far out means two turns have failed
        // (to the microsecond, as the service writes it: a whole-second bound would let one failed turn pass)
        String twoTurns = SqlTime.literal(Instant.now().plusMillis(1500));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT next_query_at > :t FROM payment_order WHERE out_trade_no = :otn").param("t", twoTurns)
                .param("otn", otn).query(Boolean.class).single());
        assertThat(orderStatus(otn)).isEqualTo("PENDING");
        assertThat(outboxCount("PaymentSucceeded", otn)).isZero();

        EMULATOR_HTTP.send("DELETE", "/emulator/faults", null, Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> orderStatus(otn).equals("SUCCEEDED"));
        assertThat(outboxCount("PaymentSucceeded", otn)).isEqualTo(1);
    }
}
