package com.redpacket.contracts.events;

import java.time.Instant;

/** payment-service: an order was closed unpaid (timeout); no money will arrive for it. */
public record PaymentClosed(String eventId, Instant occurredAt, int version,
                            String outTradeNo, PaymentPurpose purpose, long referenceId, long userId, long amount)
        implements DomainEvent {

    public static PaymentClosed of(String outTradeNo, PaymentPurpose purpose, long referenceId, long userId, long amount) {
        return new PaymentClosed(EventIds.of("PaymentClosed:" + outTradeNo), Instant.now(), 1,
                outTradeNo, purpose, referenceId, userId, amount);
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
