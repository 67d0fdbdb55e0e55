package com.redpacket.wechatpay.emulator;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * APIv3 refunds: create (PROCESSING at once, SUCCESS after {@code emulator.refund-delay}, then a REFUND.SUCCESS
 * notification to the refund's notify_url; ABNORMAL and REFUND.ABNORMAL when a test ordered it) and query by
 * out_refund_no.
 */
@RestController
public class RefundsController {
    private final TradeBook book;
    private final NotificationSealer sealer;
    private final Notifier notifier;
    private final Background background;
    private final Faults faults;
    private final EmulatorProperties props;

    public RefundsController(TradeBook book, NotificationSealer sealer, Notifier notifier, Background background,
                             Faults faults, EmulatorProperties props) {
        this.book = book;
        this.sealer = sealer;
        this.notifier = notifier;
        this.background = background;
        this.faults = faults;
        this.props = props;
    }

    @PostMapping("/v3/refund/domestic/refunds")
    Wire.Refund create(@RequestBody Wire.RefundBody body) {
        RefundRecord refund = book.refund(body);
        background.after(props.refundDelay(), () -> end(refund.outRefundNo));
        return refund.toRefund();
    }

    @GetMapping("/v3/refund/domestic/refunds/{outRefundNo}")
    Wire.Refund find(@PathVariable String outRefundNo) {
        return book.findRefund(outRefundNo).toRefund();
    }

    private void end(String outRefundNo) {
        boolean abnormal = faults.takeAbnormalRefund();
        String event = abnormal ? "REFUND.ABNORMAL" : "REFUND.SUCCESS";
        book.endRefund(outRefundNo, abnormal).filter(refund -> refund.notifyUrl != null).ifPresent(refund ->
                notifier.deliver(refund.notifyUrl, sealer.seal(event, abnormal ? "退款异常" : "退款成功", "refund",
                        refund.toNotice()), event, refund.trade.outTradeNo(), Duration.ZERO, Duration.ZERO, 1));
    }
}
