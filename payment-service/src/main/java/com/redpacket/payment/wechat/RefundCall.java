package com.redpacket.payment.wechat;

/** A refund we ask WeChat Pay for: {@code amount} fen of the transaction back to the payer. */
public record RefundCall(String outRefundNo, String transactionId, String outTradeNo, long amount, long paidAmount,
                         String reason) {
}
