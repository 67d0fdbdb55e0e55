package com.redpacket.wechatpay.emulator;

import org.springframework.stereotype.Component;

/**
 * Failures a test can order through the control API: the next n API answers carry a signature that does not
 * verify (optionally only answers to requests that mention a given text, an out_trade_no in the URL or body, so
 * that other callers of the emulator do not use them up); the next n refunds end ABNORMAL.
 */
@Component
public class Faults {
    private int badSignatures;
    private String mentioning;
    private int abnormalRefunds;

    public synchronized void signNextResponsesWrongly(int count, String mentioning) {
        this.badSignatures = Math.max(0, count);
        this.mentioning = mentioning == null || mentioning.isEmpty() ? null : mentioning;
    }

    public synchronized int pendingBadSignatures() {
        return badSignatures;
    }

    /** The next {@code count} refunds end ABNORMAL (WeChat Pay could not pay them out) instead of SUCCESS. */
    public synchronized void failNextRefunds(int count) {
        abnormalRefunds = Math.max(0, count);
    }

    public synchronized int pendingAbnormalRefunds() {
        return abnormalRefunds;
    }

    public synchronized void clear() {
        badSignatures = 0;
        mentioning = null;
        abnormalRefunds = 0;
    }

    synchronized boolean takeAbnormalRefund() {
        if (abnormalRefunds == 0) {
            return false;
        }
        abnormalRefunds--;
        return true;
    }

    /** True (and one fewer left) when the answer to this request is to be signed wrongly. */
    synchronized boolean takeBadSignature(String request) {
        if (badSignatures == 0 || (mentioning != null && !request.contains(mentioning))) {
            return false;
        }
        badSignatures--;
        return true;
    }
}
