package com.redpacket.payment.wechat;

import java.time.Instant;

/**
 * A payment as WeChat Pay reported it, in a verified notification or a query answer. Nothing in it is trusted
 * until it has been compared with our order.
 *
 * @param tradeState SUCCESS, NOTPAY, CLOSED, USERPAYING, REFUND, ...
 * @param amount     fen; {@code amount.total} of the order as WeChat Pay holds it
 */
public record ReportedTransaction(String outTradeNo, String transactionId, String mchid, String appid,
                                  String tradeState, long amount, Instant successTime, String payerOpenId,
                                  String tradeType) {

    public boolean paid() {
        return "SUCCESS".equals(tradeState) || "REFUND".equals(tradeState);
    }
}
