package com.redpacket.payment.refund;

import com.redpacket.contracts.events.DomainEvent;
import com.redpacket.contracts.events.PaymentClosed;
import com.redpacket.contracts.events.PaymentSucceeded;
import com.redpacket.contracts.events.RefundSucceeded;
import com.redpacket.payment.AbstractPaymentIT;
import com.redpacket.payment.PaymentEvents;
import com.redpacket.payment.wechat.ReportedRefund;
import com.redpacket.payment.wechat.WechatPayClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Money that arrives for an order already closed (the payment raced the close) does not pay it: it goes back to the
 * payer through a WeChat Pay refund, and its {@code PaymentSucceeded} is announced only with the refund's end.
 */
class RefundIT extends AbstractPaymentIT {
    @Autowired
    WechatPayClient wechatPay;

    @Autowired
    MeterRegistry meters;

    @Test
    void aPaymentForAClosedOrderIsRefundedNotCredited() {
        long packetId = newReferenceId();
        String otn = closedOrder(packetId, 900);

        JsonNode payment = emulatorPay(otn, "?evenIfClosed=true");
        String transactionId = payment.get("transactionId").asString();
        String outRefundNo = "R" + transactionId;

        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(refundStatus(outRefundNo)));
        assertThat(orderStatus(otn)).isEqualTo("CLOSED");
        assertThat(jdbc.sql("SELECT outcome FROM wechat_transaction WHERE transaction_id = :tid")
                .param("tid", transactionId).query(String.class).single()).isEqualTo("REFUNDED");

        ReportedRefund atWechat = wechatPay.queryRefund(outRefundNo);
        assertThat(atWechat.status()).isEqualTo("SUCCESS");
        assertThat(atWechat.amount()).isEqualTo(900);

        // the returned payment is announced with its refund, in this order: settlement credits the payer's wallet and
        // takes the money out again at once
        List<DomainEvent> events = PaymentEvents.of(otn, 3, Duration.ofSeconds(15));
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOf(PaymentClosed.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(PaymentSucceeded.class, e -> {
            assertThat(e.transactionId()).isEqualTo(transactionId);
            assertThat(e.amount()).isEqualTo(900);
        });
        assertThat(events.get(2)).isInstanceOfSatisfying(RefundSucceeded.class, e -> {
            assertThat(e.outRefundNo()).isEqualTo(outRefundNo);
            assertThat(e.refundId()).isEqualTo(atWechat.refundId());
            assertThat(e.referenceId()).isEqualTo(packetId);
            assertThat(e.amount()).isEqualTo(900);
        });
    }

    @Test
    void aRefundWechatPayDidNotAcceptIsAskedForAgain() {
        String otn = closedOrder(newReferenceId(), 450);
        EMULATOR_HTTP.post("/emulator/faults/bad-signature?count=100000", null, Map.of());
        // the payment's notification is not an API answer: it still arrives, verified, and a refund is requested
        String transactionId = emulatorPay(otn, "?evenIfClosed=true").get("transactionId").asString();
        String outRefundNo = "R" + transactionId;

        // a failed attempt books the next one retry-after (1 s here) later
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM payment_refund WHERE out_refund_no = :orn AND next_attempt_at > created_at")
                .param("orn", outRefundNo).query(Long.class).single() == 1);
        assertThat(refundStatus(outRefundNo)).isEqualTo("REQUESTED");

        EMULATOR_HTTP.send("DELETE", "/emulator/faults", null, Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(refundStatus(outRefundNo)));
        assertThat(outboxCount("RefundSucceeded", otn)).isEqualTo(1);
        assertThat(outboxCount("PaymentSucceeded", otn)).isEqualTo(1);
    }

    @Test
    void aRefundWechatPayCannotPayOutLeavesThePaymentWithThePayerAndRaisesAnAlert() {
        String otn = closedOrder(newReferenceId(), 350);
        double alerts = meters.counter("redpacket.payment.alerts", "kind", "refund-failed").count();
        EMULATOR_HTTP.post("/emulator/faults/abnormal-refund?count=1", null, Map.of());
        String transactionId = emulatorPay(otn, "?evenIfClosed=true").get("transactionId").asString();

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(refundStatus("R" + transactionId)));
        assertThat(meters.counter("redpacket.payment.alerts", "kind", "refund-failed").count()).isEqualTo(alerts + 1);
        List<DomainEvent> events = PaymentEvents.of(otn, 2, Duration.ofSeconds(15));
        assertThat(events).extracting(DomainEvent::type).containsExactly("PaymentClosed", "PaymentSucceeded");
    }

    private String closedOrder(long packetId, long amount) {
        String otn = openOrder("PACKET", packetId, 31, amount, "NATIVE").get("outTradeNo").asString();
        expireNow(otn);
        await().atMost(Duration.ofSeconds(20)).until(() -> orderStatus(otn).equals("CLOSED"));
        return otn;
    }

    private String refundStatus(String outRefundNo) {
        return jdbc.sql("SELECT status FROM payment_refund WHERE out_refund_no = :orn").param("orn", outRefundNo)
                .query(String.class).optional().orElse(null);
    }
}
