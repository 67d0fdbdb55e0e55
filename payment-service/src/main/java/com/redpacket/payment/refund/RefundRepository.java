package com.redpacket.payment.refund;

import com.redpacket.platform.jdbc.SqlTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code payment_refund}. */
@Repository
public class RefundRepository {
    private static final String COLUMNS =
            "out_refund_no, out_trade_no, transaction_id, amount, paid_at, reason, status, refund_id";
    private static final RowMapper<PaymentRefund> REFUND = (rs, i) -> new PaymentRefund(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getLong(4), rs.getTimestamp(5).toInstant(), rs.getString(6),
            rs.getString(7), rs.getString(8));

    private final JdbcClient jdbc;

    public RefundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that a transaction's money must go back (in the caller's transaction, with the transaction itself);
     * the refund job asks WeChat Pay for it. Once per transaction.
     */
    public void request(String outTradeNo, String transactionId, long amount, Instant paidAt, String reason) {
        String now = SqlTime.literal(Instant.now());
        jdbc.sql("""
                        INSERT IGNORE INTO payment_refund (out_refund_no, out_trade_no, transaction_id, amount, paid_at,
                            reason, status, created_at, next_attempt_at, updated_at)
                        VALUES (:orn, :otn, :tid, :amount, :paidAt, :reason, 'REQUESTED', :now, :now, :now)""")
                .param("orn", PaymentRefund.outRefundNoFor(transactionId))
                .param("otn", outTradeNo)
                .param("tid", transactionId)
                .param("amount", amount)
                .param("paidAt", SqlTime.literal(paidAt))
                .param("reason", reason)
                .param("now", now)
                .update();
    }

    Optional<PaymentRefund> lock(String outRefundNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_refund WHERE out_refund_no = :orn FOR UPDATE")
                .param("orn", outRefundNo).query(REFUND).optional();
    }

    public List<PaymentRefund> forOrder(String outTradeNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_refund WHERE out_trade_no = :otn ORDER BY created_at")
                .param("otn", outTradeNo).query(REFUND).list();
    }

    List<PaymentRefund> due(String status, Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM payment_refund WHERE status = :status AND next_attempt_at <= :now
                        ORDER BY next_attempt_at LIMIT :limit""")
                .param("status", status)
                .param("now", SqlTime.literal(now))
                .param("limit", limit)
                .query(REFUND).list();
    }

    /** Moves a refund on from {@code from} (no-op when it moved already), with the next time the job looks at it. */
    boolean advance(String outRefundNo, String from, String to, String refundId, Instant nextAttemptAt) {
        return jdbc.sql("""
                        UPDATE payment_refund SET status = :to, refund_id = COALESCE(:refundId, refund_id),
                            next_attempt_at = :next, updated_at = :now
                        WHERE out_refund_no = :orn AND status = :from""")
                .param("to", to)
                .param("refundId", refundId)
                .param("next", SqlTime.literal(nextAttemptAt))
                .param("now", SqlTime.literal(Instant.now()))
                .param("orn", outRefundNo)
                .param("from", from)
                .update() == 1;
    }
}
