package com.redpacket.payment.notify;

/**
 * A notification we refuse before trusting anything in it. {@code reason} names the check (serial, timestamp,
 * signature, decryption, malformed) for the counter; the HTTP status tells WeChat Pay to try again.
 */
class NotificationRejected extends RuntimeException {
    private final int status;
    private final String reason;

    NotificationRejected(int status, String reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }
}
