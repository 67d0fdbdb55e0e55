package com.redpacket.payment.refund;

import com.redpacket.payment.TransactionRefused;
import com.redpacket.payment.order.PaymentProperties;
import com.redpacket.payment.wechat.RefundCall;
import com.redpacket.payment.wechat.ReportedRefund;
import com.redpacket.payment.wechat.WechatPayClient;
import com.redpacket.payment.wechat.WechatPayUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Asks WeChat Pay for each REQUESTED refund (again after a failure: WeChat Pay deduplicates by out_refund_no), and
 * queries PROCESSING refunds whose notification is late, completing them exactly as the notification would.
 */
@Component
public class RefundJob {
    private static final Logger log = LoggerFactory.getLogger(RefundJob.class);
    private static final int BATCH = 50;

    private final RefundRepository refunds;
    private final RefundCompletion completion;
    private final WechatPayClient wechatPay;
    private final PaymentProperties.Refund props;

    public RefundJob(RefundRepository refunds, RefundCompletion completion, WechatPayClient wechatPay,
                     PaymentProperties props) {
        this.refunds = refunds;
        this.completion = completion;
        this.wechatPay = wechatPay;
        this.props = props.refund();
    }

    @Scheduled(fixedDelayString = "${redpacket.payment.refund.interval:PT10S}")
    public void run() {
        for (PaymentRefund refund : refunds.due(PaymentRefund.REQUESTED, Instant.now(), BATCH)) {
            ask(refund);
        }
        for (PaymentRefund refund : refunds.due(PaymentRefund.PROCESSING, Instant.now(), BATCH)) {
            followUp(refund);
        }
    }

    private void ask(PaymentRefund refund) {
        try {
            ReportedRefund answer = wechatPay.refund(new RefundCall(refund.outRefundNo(), refund.transactionId(),
                    refund.outTradeNo(), refund.amount(), refund.amount(), refund.reason()));
            if (!completion.complete(answer)) {
                refunds.advance(refund.outRefundNo(), PaymentRefund.REQUESTED, PaymentRefund.PROCESSING,
                        answer.refundId(), Instant.now().plus(props.queryAfter()));
            }
        } catch (WechatPayUnavailable | TransactionRefused e) {
            log.warn("refund {} not accepted yet, retrying later: {}", refund.outRefundNo(), e.getMessage());
            refunds.advance(refund.outRefundNo(), PaymentRefund.REQUESTED, PaymentRefund.REQUESTED, null,
                    Instant.now().plus(props.retryAfter()));
        }
    }

    private void followUp(PaymentRefund refund) {
        try {
            if (completion.complete(wechatPay.queryRefund(refund.outRefundNo()))) {
                return;
            }
        } catch (WechatPayUnavailable | TransactionRefused e) {
            log.warn("refund {} could not be followed up: {}", refund.outRefundNo(), e.getMessage());
        }
        refunds.advance(refund.outRefundNo(), PaymentRefund.PROCESSING, PaymentRefund.PROCESSING, null,
                Instant.now().plus(props.queryAfter()));
    }
}
