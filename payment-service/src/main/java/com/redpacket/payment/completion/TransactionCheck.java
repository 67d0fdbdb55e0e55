package com.redpacket.payment.completion;

import com.redpacket.payment.order.PaymentOrder;
import com.redpacket.payment.wechat.ReportedTransaction;

import java.util.ArrayList;
import java.util.List;

/**
 * What the SDK cannot know: does a verified, decrypted transaction belong to our order? Merchant, app, amount and
 * state must all agree, or the money is not credited.
 */
public final class TransactionCheck {
    private TransactionCheck() {
    }

    /** The names of the fields that disagree with the order; empty when the transaction is the order's payment. */
    public static List<String> mismatches(PaymentOrder order, ReportedTransaction tx) {
        List<String> wrong = new ArrayList<>();
        if (!order.outTradeNo().equals(tx.outTradeNo())) {
            wrong.add("out_trade_no");
        }
        if (!order.mchid().equals(tx.mchid())) {
            wrong.add("mchid");
        }
        if (!order.appid().equals(tx.appid())) {
            wrong.add("appid");
        }
        if (order.amount() != tx.amount()) {
            wrong.add("amount");
        }
        if (!tx.paid()) {
            wrong.add("trade_state");
        }
        if (tx.transactionId() == null || tx.transactionId().isBlank() || tx.transactionId().length() > 64) {
            wrong.add("transaction_id");
        }
        return wrong;
    }
}
