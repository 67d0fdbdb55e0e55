package com.redpacket.payment;

/** A verified transaction we will not take: nothing was written, the sender (WeChat Pay) should try again. */
public class TransactionRefused extends RuntimeException {
    /** UNKNOWN_ORDER: no order with this out_trade_no (or out_refund_no); MISMATCH: it disagrees with the order. */
    public enum Reason { UNKNOWN_ORDER, MISMATCH }

    private final Reason reason;

    public TransactionRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
