package com.redpacket.payment.order;

import com.redpacket.contracts.events.PaymentPurpose;

/**
 * The out_trade_no of an order follows from what it pays for, so a retried request can only ever meet the same
 * order: {@code P} + packet id or {@code T} + top-up id, the id zero-padded to 19 digits (WeChat Pay wants 6-32
 * characters of [A-Za-z0-9_-|*]; 20 always fit).
 */
public final class OutTradeNos {
    private OutTradeNos() {
    }

    public static String of(PaymentPurpose purpose, long referenceId) {
        if (referenceId <= 0) {
            throw new IllegalArgumentException("reference id must be positive");
        }
        String prefix = switch (purpose) {
            case PACKET -> "P";
            case TOPUP -> "T";
        };
        return prefix + String.format("%019d", referenceId);
    }
}
