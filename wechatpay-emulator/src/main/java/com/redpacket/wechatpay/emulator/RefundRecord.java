package com.redpacket.wechatpay.emulator;

import java.time.Instant;

/** One refund of a paid {@link Trade}. Guarded by {@link TradeBook}'s lock. */
final class RefundRecord {
    static final String PROCESSING = "PROCESSING";
    static final String SUCCESS = "SUCCESS";
    static final String ABNORMAL = "ABNORMAL";

    final String outRefundNo;
    final String refundId;
    final Trade trade;
    final long amount;
    final String notifyUrl;
    final Instant createdAt = Instant.now();
    String status = PROCESSING;
    Instant successTime;

    RefundRecord(String outRefundNo, String refundId, Trade trade, long amount, String notifyUrl) {
        this.outRefundNo = outRefundNo;
        this.refundId = refundId;
        this.trade = trade;
        this.amount = amount;
        this.notifyUrl = notifyUrl;
    }

    Wire.Refund toRefund() {
        return new Wire.Refund(refundId, outRefundNo, trade.transactionId, trade.outTradeNo(), "ORIGINAL", "支付用户零钱",
                successTime == null ? null : Times.rfc3339(successTime), Times.rfc3339(createdAt), status, amounts());
    }

    Wire.RefundNotice toNotice() {
        return new Wire.RefundNotice(trade.order.mchid(), trade.outTradeNo(), trade.transactionId, outRefundNo, refundId,
                status, successTime == null ? null : Times.rfc3339(successTime), "支付用户零钱", amounts());
    }

    private Wire.RefundAmount amounts() {
        return new Wire.RefundAmount(trade.total(), amount, trade.total(), amount, amount, trade.total(), 0L, "CNY");
    }
}
