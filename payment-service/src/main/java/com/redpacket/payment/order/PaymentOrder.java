package com.redpacket.payment.order;

import com.redpacket.contracts.events.PaymentPurpose;
import com.redpacket.payment.wechat.TradeType;

import java.time.Instant;

/** One WeChat Pay order: what it pays for (purpose + reference), who pays, how much, and where it stands. */
public record PaymentOrder(String outTradeNo, PaymentPurpose purpose, long referenceId, long userId, long amount,
                           TradeType channel, String description, String payerOpenId, String mchid, String appid,
                           OrderStatus status, String transactionId, Instant createdAt, Instant expiresAt) {
}
