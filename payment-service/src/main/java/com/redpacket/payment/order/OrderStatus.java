package com.redpacket.payment.order;

/**
 * A payment order's life: PENDING until WeChat Pay confirms the money (SUCCEEDED) or the order times out unpaid
 * and is closed at WeChat Pay (CLOSED). Both ends are final (every change is an UPDATE conditional on PENDING): a
 * payment that still arrives for a CLOSED order does not pay it, it goes back through a refund.
 */
public enum OrderStatus {
    PENDING,
    SUCCEEDED,
    CLOSED
}
