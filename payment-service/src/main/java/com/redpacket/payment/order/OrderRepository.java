package com.redpacket.payment.order;

import com.redpacket.contracts.events.PaymentPurpose;
import com.redpacket.payment.wechat.TradeType;
import com.redpacket.platform.jdbc.SqlTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code payment_order}. Status changes are conditional updates that say whether they happened. */
@Repository
public class OrderRepository {
    private static final String COLUMNS = """
            out_trade_no, purpose, reference_id, user_id, amount, channel, description, payer_open_id, mchid, appid,
            status, transaction_id, created_at, expires_at""";
    private static final RowMapper<PaymentOrder> ORDER = (rs, i) -> new PaymentOrder(rs.getString(1),
            PaymentPurpose.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4), rs.getLong(5),
            TradeType.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
            OrderStatus.valueOf(rs.getString(11)), rs.getString(12), rs.getTimestamp(13).toInstant(),
            rs.getTimestamp(14).toInstant());

    private final JdbcClient jdbc;

    public OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new PENDING order; false when one with this out_trade_no exists already. */
    boolean insert(PaymentOrder order, Instant firstQueryAt) {
        return jdbc.sql("""
                        INSERT IGNORE INTO payment_order (out_trade_no, purpose, reference_id, user_id, amount, channel,
                            description, payer_open_id, mchid, appid, status, created_at, expires_at, next_query_at,
                            updated_at)
                        VALUES (:otn, :purpose, :ref, :user, :amount, :channel, :description, :openId, :mchid, :appid,
                            'PENDING', :createdAt, :expiresAt, :firstQueryAt, :createdAt)""")
                .param("otn", order.outTradeNo())
                .param("purpose", order.purpose().name())
                .param("ref", order.referenceId())
                .param("user", order.userId())
                .param("amount", order.amount())
                .param("channel", order.channel().name())
                .param("description", order.description())
                .param("openId", order.payerOpenId())
                .param("mchid", order.mchid())
                .param("appid", order.appid())
                .param("createdAt", SqlTime.literal(order.createdAt()))
                .param("expiresAt", SqlTime.literal(order.expiresAt()))
                .param("firstQueryAt", SqlTime.literal(firstQueryAt))
                .update() == 1;
    }

    public Optional<PaymentOrder> find(String outTradeNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_order WHERE out_trade_no = :otn")
                .param("otn", outTradeNo).query(ORDER).optional();
    }

    /** Reads the order and holds its row until the caller's transaction ends: completions and closes queue here. */
    public Optional<PaymentOrder> lock(String outTradeNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_order WHERE out_trade_no = :otn FOR UPDATE")
                .param("otn", outTradeNo).query(ORDER).optional();
    }

    public boolean markSucceeded(String outTradeNo, String transactionId, Instant paidAt) {
        return jdbc.sql("""
                        UPDATE payment_order SET status = 'SUCCEEDED', transaction_id = :tid, paid_at = :paidAt,
                            updated_at = :now
                        WHERE out_trade_no = :otn AND status = 'PENDING'""")
                .param("tid", transactionId)
                .param("paidAt", SqlTime.literal(paidAt))
                .param("now", SqlTime.literal(Instant.now()))
                .param("otn", outTradeNo)
                .update() == 1;
    }

    public boolean markClosed(String outTradeNo) {
        String now = SqlTime.literal(Instant.now());
        return jdbc.sql("""
                        UPDATE payment_order SET status = 'CLOSED', closed_at = :now, updated_at = :now
                        WHERE out_trade_no = :otn AND status = 'PENDING'""")
                .param("now", now)
                .param("otn", outTradeNo)
                .update() == 1;
    }

    /** PENDING orders whose next active query is due, the longest waiting first. */
    public List<PaymentOrder> dueForQuery(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM payment_order WHERE status = 'PENDING' AND next_query_at <= :now
                        ORDER BY next_query_at LIMIT :limit""")
                .param("now", SqlTime.literal(now))
                .param("limit", limit)
                .query(ORDER).list();
    }

    public void postponeQuery(String outTradeNo, Instant next) {
        jdbc.sql("UPDATE payment_order SET next_query_at = :next WHERE out_trade_no = :otn AND status = 'PENDING'")
                .param("next", SqlTime.literal(next))
                .param("otn", outTradeNo)
                .update();
    }
}
