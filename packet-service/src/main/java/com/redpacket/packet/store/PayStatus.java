package com.redpacket.packet.store;

/** {@code pay_status} (ARCHITECTURE.md "Pay status"). */
public final class PayStatus {
    public static final int UNPAID = 0;
    /** WeChat Pay (async notify) or the wallet debit confirmed the money: the only proof */
    public static final int PAID = 1;
    /** the app's synchronous callback says it paid: armed, claims allowed, nothing credited yet */
    public static final int APP_CONFIRMED = 2;

    private PayStatus() {
    }
}
