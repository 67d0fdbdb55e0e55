package com.redpacket.wechatpay.emulator;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The emulator's own API (not WeChat Pay's), for people and tests: the payer pays, with knobs to deliver the
 * notification late, more than once, or for an order already closed; inspect orders and deliveries; order faults.
 */
@RestController
public class ControlController {
    private final TradeBook book;
    private final NotificationSealer sealer;
    private final Notifier notifier;
    private final Faults faults;

    public ControlController(TradeBook book, NotificationSealer sealer, Notifier notifier, Faults faults) {
        this.book = book;
        this.sealer = sealer;
        this.notifier = notifier;
        this.faults = faults;
    }

    public record TradeView(String outTradeNo, String tradeType, long amount, String tradeState, String transactionId,
                            String notifyUrl, List<RefundView> refunds) {
    }

    public record RefundView(String outRefundNo, String refundId, long amount, String status) {
    }

    /**
     * The payer pays the order: it becomes SUCCESS and a TRANSACTION.SUCCESS notification goes to its notify_url.
     *
     * @param delayMs      hold the notification back this long (a late notification)
     * @param spreadMs     each copy leaves at its own random moment up to this much after {@code delayMs}
     *                     (duplicates arrive apart; notifications of different orders arrive out of order)
     * @param duplicates   deliver it this many times (WeChat Pay's duplicates)
     * @param evenIfClosed pay an order that was closed (the payment that races the merchant's close)
     */
    @PostMapping("/emulator/transactions/{outTradeNo}/pay")
    TradeView pay(@PathVariable String outTradeNo, @RequestParam(defaultValue = "0") long delayMs,
                  @RequestParam(defaultValue = "0") long spreadMs,
                  @RequestParam(defaultValue = "1") int duplicates,
                  @RequestParam(defaultValue = "false") boolean evenIfClosed) {
        if (delayMs < 0 || spreadMs < 0 || duplicates < 0 || duplicates > 100) {
            throw WechatPayError.param("delayMs and spreadMs must be >= 0 and duplicates 0..100");
        }
        Trade trade = book.pay(outTradeNo, evenIfClosed);
        NotificationSealer.Sealed notification = sealer.seal("TRANSACTION.SUCCESS", "支付成功", "transaction",
                trade.toTransaction());
        notifier.deliver(trade.order.notifyUrl(), notification, "TRANSACTION.SUCCESS", outTradeNo,
                Duration.ofMillis(delayMs), Duration.ofMillis(spreadMs), duplicates);
        return view(trade);
    }

    @GetMapping("/emulator/transactions/{outTradeNo}")
    TradeView trade(@PathVariable String outTradeNo) {
        return view(book.find(outTradeNo));
    }

    @GetMapping("/emulator/notifications")
    List<Notifier.Attempt> notifications(@RequestParam(required = false) String outTradeNo) {
        return notifier.attempts(outTradeNo);
    }

    /**
     * The next {@code count} APIv3 answers carry a signature that does not verify; with {@code mentioning}, only
     * answers to requests whose URL or body contains it (an out_trade_no, say).
     */
    @PostMapping("/emulator/faults/bad-signature")
    Map<String, Integer> badSignature(@RequestParam(defaultValue = "1") int count,
                                      @RequestParam(required = false) String mentioning) {
        faults.signNextResponsesWrongly(count, mentioning);
        return Map.of("badSignatures", faults.pendingBadSignatures());
    }

    /** The next {@code count} refunds end ABNORMAL: WeChat Pay accepted them but could not pay them out. */
    @PostMapping("/emulator/faults/abnormal-refund")
    Map<String, Integer> abnormalRefund(@RequestParam(defaultValue = "1") int count) {
        faults.failNextRefunds(count);
        return Map.of("abnormalRefunds", faults.pendingAbnormalRefunds());
    }

    @DeleteMapping("/emulator/faults")
    ResponseEntity<Void> clearFaults() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    /** Liveness for dev/up and compose, shaped like the services' actuator answer. */
    @GetMapping("/actuator/health")
    Map<String, String> health() {
        return Map.of("status", "UP");
    }

    private TradeView view(Trade trade) {
        synchronized (book) {
            return new TradeView(trade.outTradeNo(), trade.tradeType, trade.total(), trade.state, trade.transactionId,
                    trade.order.notifyUrl(), trade.refunds.stream()
                    .map(r -> new RefundView(r.outRefundNo, r.refundId, r.amount, r.status)).toList());
        }
    }
}
