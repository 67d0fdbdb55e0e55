package com.redpacket.payment.order;

/**
 * A payment order's life: PENDING until WeChat Pay confirms the money (SUCCEEDED) or the order times out unpaid
 * and is closed at WeChat Pay (CLOSED). Both ends are final: a payment that still arrives for a CLOSED order is
 * refunded, never credited.
 */
public enum OrderStatus {
    PENDING,
    SUCCEEDED,
    CLOSED;

    public boolean canBecome(OrderStatus next) {
        return this == PENDING && next != PENDING;
    }
}
