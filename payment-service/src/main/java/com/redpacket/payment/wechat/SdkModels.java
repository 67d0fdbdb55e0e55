package com.redpacket.payment.wechat;

import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.model.Refund;
import com.wechat.pay.java.service.refund.model.RefundNotification;

/** The SDK's models of WeChat Pay's answers and notifications, turned into ours. */
public final class SdkModels {
    private SdkModels() {
    }

    public static ReportedTransaction transaction(Transaction t) {
        return new ReportedTransaction(t.getOutTradeNo(), t.getTransactionId(), t.getMchid(), t.getAppid(),
                t.getTradeState() == null ? null : t.getTradeState().name(),
                t.getAmount() == null || t.getAmount().getTotal() == null ? -1 : t.getAmount().getTotal(),
                WechatTimes.parse(t.getSuccessTime()), t.getPayer() == null ? null : t.getPayer().getOpenid(),
                t.getTradeType() == null ? null : t.getTradeType().name());
    }

    public static ReportedRefund refund(RefundNotification n) {
        return new ReportedRefund(n.getOutRefundNo(), n.getRefundId(), n.getOutTradeNo(), n.getTransactionId(),
                n.getRefundStatus() == null ? null : n.getRefundStatus().name(),
                n.getAmount() == null || n.getAmount().getRefund() == null ? -1 : n.getAmount().getRefund());
    }

    static ReportedRefund refund(Refund r) {
        return new ReportedRefund(r.getOutRefundNo(), r.getRefundId(), r.getOutTradeNo(), r.getTransactionId(),
                r.getStatus() == null ? null : r.getStatus().name(),
                r.getAmount() == null || r.getAmount().getRefund() == null ? -1 : r.getAmount().getRefund());
    }
}
