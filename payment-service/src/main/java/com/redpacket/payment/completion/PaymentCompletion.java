package com.redpacket.payment.completion;

import com.redpacket.contracts.events.PaymentSucceeded;
import com.redpacket.payment.PaymentAlerts;
import com.redpacket.payment.TransactionRefused;
import com.redpacket.payment.order.OrderRepository;
import com.redpacket.payment.order.OrderStatus;
import com.redpacket.payment.order.PaymentOrder;
import com.redpacket.payment.refund.RefundRepository;
import com.redpacket.payment.wechat.ReportedTransaction;
import com.redpacket.platform.outbox.OutboxWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * The one way a payment WeChat Pay reports becomes ours, whether a notification or the active query brought it: in
 * one transaction, with the order row held, the transaction is stored once, the order becomes SUCCEEDED and
 * {@code PaymentSucceeded} goes into the outbox. A second report of the same transaction changes nothing.
 * <p>Money that arrives for an order already CLOSED (its packet has been cancelled: the payment raced the close)
 * or already paid by another transaction does not pay the order: it goes back through a WeChat Pay refund, because
 * the payer paid for something that no longer exists and expects the money back where it came from, not as a wallet
 * balance nobody asked for. Its {@code PaymentSucceeded} waits for the refund's end ({@code RefundCompletion}).
 */
@Service
public class PaymentCompletion {
    private static final Logger log = LoggerFactory.getLogger(PaymentCompletion.class);

    public enum Source { NOTIFICATION, QUERY }

    public enum Outcome { CREDITED, DUPLICATE, REFUNDING }

    private final OrderRepository orders;
    private final TransactionRepository transactions;
    private final RefundRepository refunds;
    private final OutboxWriter outbox;
    private final PaymentAlerts alerts;

    public PaymentCompletion(OrderRepository orders, TransactionRepository transactions, RefundRepository refunds,
                             OutboxWriter outbox, PaymentAlerts alerts) {
        this.orders = orders;
        this.transactions = transactions;
        this.refunds = refunds;
        this.outbox = outbox;
        this.alerts = alerts;
    }

    /**
     * WeChat Pay waits 5 s for the notification's answer: a transaction stuck behind a lock gives up after 3 s and
     * the notification is answered FAIL (and comes again) rather than timing out.
     */
    @Transactional(timeout = 3)
    public Outcome complete(ReportedTransaction tx, Source source) {
        PaymentOrder order = orders.lock(tx.outTradeNo()).orElseThrow(() -> refused(
                TransactionRefused.Reason.UNKNOWN_ORDER, "unknown-order",
                "WeChat Pay reports transaction " + tx.transactionId() + " for unknown order " + tx.outTradeNo()));
        List<String> wrong = TransactionCheck.mismatches(order, tx);
        if (!wrong.isEmpty()) {
            throw refused(TransactionRefused.Reason.MISMATCH, "payment-mismatch", "transaction " + tx.transactionId()
                    + " (" + source + ") disagrees with order " + order.outTradeNo() + " on " + wrong
                    + ": reported " + tx.amount() + " fen, mchid " + tx.mchid() + ", appid " + tx.appid() + ", state "
                    + tx.tradeState() + "; not credited");
        }
        boolean credit = order.status() == OrderStatus.PENDING;
        if (!transactions.insert(tx, source, credit ? "CREDITED" : "REFUNDED")) {
            return Outcome.DUPLICATE;
        }
        Instant paidAt = tx.successTime() == null ? Instant.now() : tx.successTime();
        if (credit) {
            orders.markSucceeded(order.outTradeNo(), tx.transactionId(), paidAt);
            outbox.write(PaymentSucceeded.of(order.outTradeNo(), tx.transactionId(), order.purpose(),
                    order.referenceId(), order.userId(), order.amount(), paidAt));
            return Outcome.CREDITED;
        }
        String reason = order.status() == OrderStatus.CLOSED ? "paid after the order was closed"
                : "order already paid by " + order.transactionId();
        log.warn("transaction {} for order {} is not credited ({}); refunding it", tx.transactionId(),
                order.outTradeNo(), reason);
        refunds.request(order.outTradeNo(), tx.transactionId(), tx.amount(), paidAt, reason);
        return Outcome.REFUNDING;
    }

    private TransactionRefused refused(TransactionRefused.Reason reason, String kind, String message) {
        alerts.raise(kind, message);
        return new TransactionRefused(reason, message);
    }
}
