package com.redpacket.contracts.events;

import java.time.Instant;

/**
 * payment-service: WeChat Pay confirmed (verified notification or active query) that {@code amount} fen arrived for an
 * order. The only proof of money from outside. Keyed by the packet id (PACKET) or the user id (TOPUP).
 */
public record PaymentSucceeded(String eventId, Instant occurredAt, int version,
                               String outTradeNo, String transactionId, PaymentPurpose purpose, long referenceId,
                               long userId, long amount, Instant paidAt)
        implements DomainEvent {

    public static PaymentSucceeded of(String outTradeNo, String transactionId, PaymentPurpose purpose, long referenceId,
                                      long userId, long amount, Instant paidAt) {
        return new PaymentSucceeded(EventIds.of("PaymentSucceeded:" + transactionId), Instant.now(), 1,
                outTradeNo, transactionId, purpose, referenceId, userId, amount, paidAt);
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
