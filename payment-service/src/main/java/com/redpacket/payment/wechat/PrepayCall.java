package com.redpacket.payment.wechat;

import java.time.Instant;

/** What we ask WeChat Pay to open a payment for. {@code payerOpenId} is needed for JSAPI only. */
public record PrepayCall(String outTradeNo, TradeType tradeType, long amount, String description, Instant expiresAt,
                         String payerOpenId) {
}
