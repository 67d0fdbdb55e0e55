package com.redpacket.payment.notify;

import com.redpacket.payment.wechat.ReportedRefund;
import com.redpacket.payment.wechat.ReportedTransaction;

/**
 * A notification whose signature verified and whose resource decrypted: a payment (TRANSACTION.SUCCESS), a refund
 * (REFUND.*), or an event we do not act on (both null).
 */
record VerifiedNotification(String eventType, ReportedTransaction payment, ReportedRefund refund) {
}
