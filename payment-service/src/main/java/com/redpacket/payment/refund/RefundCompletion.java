package com.redpacket.payment.refund;

import com.redpacket.contracts.events.PaymentSucceeded;
import com.redpacket.contracts.events.RefundSucceeded;
import com.redpacket.payment.PaymentAlerts;
import com.redpacket.payment.TransactionRefused;
import com.redpacket.payment.order.OrderRepository;
import com.redpacket.payment.order.PaymentOrder;
import com.redpacket.payment.wechat.ReportedRefund;
import com.redpacket.platform.outbox.OutboxWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/**
 * A refund's end as WeChat Pay reports it (REFUND.* notification or refund query), applied once, in one
 * transaction: SUCCEEDED with the returned payment's {@code PaymentSucceeded} followed by {@code RefundSucceeded}
 * (same key, so settlement sees them in this order), or FAILED with an alert and the {@code PaymentSucceeded} alone.
 */
@Service
public class RefundCompletion {
    private final RefundRepository refunds;
    private final OrderRepository orders;
    private final OutboxWriter outbox;
    private final PaymentAlerts alerts;

    public RefundCompletion(RefundRepository refunds, OrderRepository orders, OutboxWriter outbox, PaymentAlerts alerts) {
        this.refunds = refunds;
        this.orders = orders;
        this.outbox = outbox;
        this.alerts = alerts;
    }

    /**
     * True when this report changed the refund; false for a duplicate or a refund still under way. Like payments,
     * gives up after 3 s rather than keep WeChat Pay's 5-second notification waiting.
     */
    @Transactional(timeout = 3)
    public boolean complete(ReportedRefund reported) {
        PaymentRefund refund = refunds.lock(reported.outRefundNo()).orElseThrow(() -> refused(
                TransactionRefused.Reason.UNKNOWN_ORDER, "no refund " + reported.outRefundNo()));
        if (!refund.outTradeNo().equals(reported.outTradeNo()) || refund.amount() != reported.amount()) {
            throw refused(TransactionRefused.Reason.MISMATCH, "refund " + refund.outRefundNo()
                    + " reported for order " + reported.outTradeNo() + " over " + reported.amount()
                    + " fen; ours is " + refund.outTradeNo() + " over " + refund.amount() + " fen");
        }
        if (refund.status().equals(PaymentRefund.SUCCEEDED) || refund.status().equals(PaymentRefund.FAILED)) {
            return false;
        }
        return switch (reported.status()) {
            case "SUCCESS" -> succeed(refund, reported);
            case "CLOSED", "ABNORMAL" -> fail(refund, reported);
            default -> false;
        };
    }

    private boolean succeed(PaymentRefund refund, ReportedRefund reported) {
        refunds.advance(refund.outRefundNo(), refund.status(), PaymentRefund.SUCCEEDED, reported.refundId(), Instant.now());
        PaymentOrder order = announcePayment(refund);
        outbox.write(RefundSucceeded.of(order.outTradeNo(), refund.outRefundNo(), reported.refundId(), order.purpose(),
                order.referenceId(), order.userId(), refund.amount()));
        return true;
    }

    private boolean fail(PaymentRefund refund, ReportedRefund reported) {
        refunds.advance(refund.outRefundNo(), refund.status(), PaymentRefund.FAILED, reported.refundId(), Instant.now());
        announcePayment(refund);
        alerts.raise("refund-failed", "WeChat Pay reports refund " + refund.outRefundNo() + " of " + refund.amount()
                + " fen as " + reported.status() + ": the payment stays with the payer's wallet instead");
        return true;
    }

    /**
     * The payment being sent back is real money: it is announced now, first, so that settlement puts it in the
     * payer's wallet right before the refund (if any) takes it out again.
     */
    private PaymentOrder announcePayment(PaymentRefund refund) {
        PaymentOrder order = orders.find(refund.outTradeNo()).orElseThrow();
        outbox.write(PaymentSucceeded.of(order.outTradeNo(), refund.transactionId(), order.purpose(), order.referenceId(),
                order.userId(), refund.amount(), refund.paidAt()));
        return order;
    }

    private TransactionRefused refused(TransactionRefused.Reason reason, String message) {
        alerts.raise(reason == TransactionRefused.Reason.MISMATCH ? "refund-mismatch" : "unknown-refund", message);
        return new TransactionRefused(reason, message);
    }
}
