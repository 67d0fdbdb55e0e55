package com.redpacket.payment.completion;

import com.redpacket.payment.wechat.ReportedTransaction;
import com.redpacket.platform.jdbc.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;

/** {@code wechat_transaction}: each WeChat Pay transaction id is stored once, however often it is reported. */
@Repository
public class TransactionRepository {
    private final JdbcClient jdbc;

    public TransactionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when this transaction was stored before: the report is a duplicate. */
    boolean insert(ReportedTransaction tx, PaymentCompletion.Source source, String outcome) {
        return jdbc.sql("""
                        INSERT IGNORE INTO wechat_transaction (transaction_id, out_trade_no, amount, trade_type,
                            payer_open_id, success_time, source, outcome, received_at)
                        VALUES (:tid, :otn, :amount, :tradeType, :openId, :successTime, :source, :outcome, :now)""")
                .param("tid", tx.transactionId())
                .param("otn", tx.outTradeNo())
                .param("amount", tx.amount())
                .param("tradeType", tx.tradeType())
                .param("openId", tx.payerOpenId())
                .param("successTime", SqlTime.literal(tx.successTime()))
                .param("source", source.name())
                .param("outcome", outcome)
                .param("now", SqlTime.literal(Instant.now()))
                .update() == 1;
    }
}
