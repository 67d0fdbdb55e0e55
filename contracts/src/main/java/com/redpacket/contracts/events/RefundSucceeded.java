package com.redpacket.contracts.events;

import java.time.Instant;

/** payment-service: WeChat Pay refunded {@code amount} fen of an order to the payer's original payment method. */
public record RefundSucceeded(String eventId, Instant occurredAt, int version,
                              String outTradeNo, String outRefundNo, String refundId, PaymentPurpose purpose,
                              long referenceId, long userId, long amount)
        implements DomainEvent {

    public static RefundSucceeded of(String outTradeNo, String outRefundNo, String refundId, PaymentPurpose purpose,
                                     long referenceId, long userId, long amount) {
        return new RefundSucceeded(EventIds.of("RefundSucceeded:" + refundId), Instant.now(), 1,
                outTradeNo, outRefundNo, refundId, purpose, referenceId, userId, amount);
    }

    @Override
    public String partitionKey() {
        return Long.toString(purpose == PaymentPurpose.PACKET ? referenceId : userId);
    }

    @Override
    public String topic() {
        return Topics.PAYMENT_EVENTS;
    }
}
