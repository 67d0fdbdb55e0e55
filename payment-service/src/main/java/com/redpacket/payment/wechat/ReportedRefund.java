package com.redpacket.payment.wechat;

/**
 * A refund as WeChat Pay reported it (create or query answer, or a REFUND.* notification).
 *
 * @param status SUCCESS, PROCESSING, CLOSED or ABNORMAL
 */
public record ReportedRefund(String outRefundNo, String refundId, String outTradeNo, String transactionId,
                             String status, long amount) {
}
