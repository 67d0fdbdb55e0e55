package com.redpacket.payment.refund;

import java.time.Instant;

/**
 * Money going back to a payer through WeChat Pay. status: REQUESTED (not yet accepted by WeChat Pay),
 * PROCESSING, SUCCEEDED, FAILED (WeChat Pay closed it or could not pay it out: an alert, a person takes over).
 */
public record PaymentRefund(String outRefundNo, String outTradeNo, String transactionId, long amount, Instant paidAt,
                            String reason, String status, String refundId) {
    static final String REQUESTED = "REQUESTED";
    static final String PROCESSING = "PROCESSING";
    static final String SUCCEEDED = "SUCCEEDED";
    static final String FAILED = "FAILED";

    /** One refund per transaction, so its number follows from the transaction id. */
    static String outRefundNoFor(String transactionId) {
        return "R" + transactionId;
    }
}
