package com.redpacket.packet.store;

import com.redpacket.platform.jdbc.SqlTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code red_packet}: every state change is a conditional UPDATE on the row's current state, never a
 * {@code SELECT ... FOR UPDATE}; the claim path does not touch this table at all (see {@link ShareRepository}).
 */
@Repository
public class PacketRepository {
    public static final String COLUMNS = """
            id, sender_id, type, greeting, total_amount, count, amount_each, group_id, receiver_id, pay_channel,
            wechat_channel, payer_open_id, out_trade_no, pay_status, status, created_at, expires_at, paid_at,
            finished_at, closed_at, refunded_amount, refund_settled_at""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public PacketRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The packet and its shares (seq 1..n in the given order); call inside one transaction. */
    public void insert(Packet p, long[] shares) {
        jdbc.sql("""
                        INSERT INTO red_packet (id, sender_id, type, greeting, total_amount, count, amount_each, group_id,
                            receiver_id, pay_channel, wechat_channel, payer_open_id, pay_status, status, created_at,
                            expires_at)
                        VALUES (:id, :sender, :type, :greeting, :total, :count, :each, :group, :receiver, :channel,
                            :wechat, :openId, :payStatus, :status, :created, :expires)""")
                .param("id", p.id())
                .param("sender", p.senderId())
                .param("type", p.type().name())
                .param("greeting", p.greeting())
                .param("total", p.totalAmount())
                .param("count", p.count())
                .param("each", p.amountEach())
                .param("group", p.groupId())
                .param("receiver", p.receiverId())
                .param("channel", p.payChannel().name())
                .param("wechat", p.wechatChannel())
                .param("openId", p.payerOpenId())
                .param("payStatus", p.payStatus())
                .param("status", p.status().name())
                .param("created", SqlTime.literal(p.createdAt()))
                .param("expires", SqlTime.literal(p.expiresAt()))
                .update();
        List<Object[]> rows = new ArrayList<>(shares.length);
        for (int i = 0; i < shares.length; i++) {
            rows.add(new Object[]{p.id(), i + 1, shares[i]});
        }
        batch.batchUpdate("INSERT INTO red_packet_log (packet_id, seq, amount) VALUES (?, ?, ?)", rows);
    }

    public Optional<Packet> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM red_packet WHERE id = :id")
                .param("id", id)
                .query(MAPPER)
                .optional();
    }

    /** BALANCE debit went through: the reservation becomes a live packet. */
    public boolean markPaidFromBalance(long id, Instant at) {
        return jdbc.sql("""
                        UPDATE red_packet SET pay_status = 1, status = 'ACTIVE', paid_at = :at
                        WHERE id = :id AND pay_channel = 'BALANCE' AND pay_status = 0 AND status = 'PENDING_PAYMENT'""")
                .param("id", id)
                .param("at", SqlTime.literal(at))
                .update() == 1;
    }

    /** Removes a BALANCE reservation whose debit was refused; false if it is not (or no longer) one. */
    public boolean deleteUnpaidReservation(long id) {
        int deleted = jdbc.sql("""
                        DELETE FROM red_packet
                        WHERE id = :id AND pay_channel = 'BALANCE' AND pay_status = 0 AND status = 'PENDING_PAYMENT'""")
                .param("id", id)
                .update();
        if (deleted == 1) {
            jdbc.sql("DELETE FROM red_packet_log WHERE packet_id = :id").param("id", id).update();
        }
        return deleted == 1;
    }

    public void recordOrder(long id, String outTradeNo) {
        jdbc.sql("UPDATE red_packet SET out_trade_no = :no WHERE id = :id AND out_trade_no IS NULL")
                .param("no", outTradeNo)
                .param("id", id)
                .update();
    }

    /** The app's synchronous pay callback: 0 → 2, only for the sender's own unpaid WeChat packet. */
    public boolean markAppConfirmed(long id, long senderId) {
        return jdbc.sql("""
                        UPDATE red_packet SET pay_status = 2, status = 'ACTIVE'
                        WHERE id = :id AND sender_id = :sender AND pay_channel = 'WECHAT' AND pay_status = 0
                          AND status = 'PENDING_PAYMENT'""")
                .param("id", id)
                .param("sender", senderId)
                .update() == 1;
    }

    /** WeChat Pay's verified notification: 0 or 2 → 1, whatever the app said or did not say before. */
    public boolean markPaidByWeChat(long id, Instant at) {
        return jdbc.sql("""
                        UPDATE red_packet
                        SET pay_status = 1, paid_at = :at,
                            status = CASE WHEN status = 'PENDING_PAYMENT' THEN 'ACTIVE' ELSE status END
                        WHERE id = :id AND pay_channel = 'WECHAT' AND pay_status IN (0, 2) AND status <> 'CANCELLED'""")
                .param("id", id)
                .param("at", SqlTime.literal(at))
                .update() == 1;
    }

    /** The order closed unpaid: cancel a packet that WeChat Pay never confirmed. */
    public boolean markCancelled(long id, Instant at) {
        return jdbc.sql("""
                        UPDATE red_packet SET status = 'CANCELLED', closed_at = :at
                        WHERE id = :id AND pay_status IN (0, 2) AND status <> 'CANCELLED'""")
                .param("id", id)
                .param("at", SqlTime.literal(at))
                .update() == 1;
    }

    public boolean markExpired(long id, long refundedAmount, Instant at) {
        return jdbc.sql("""
                        UPDATE red_packet SET status = 'EXPIRED', refunded_amount = :refund, closed_at = :at
                        WHERE id = :id AND status = 'ACTIVE'""")
                .param("id", id)
                .param("refund", refundedAmount)
                .param("at", SqlTime.literal(at))
                .update() == 1;
    }

    public boolean markFinished(long id, Instant lastClaimAt) {
        return jdbc.sql("UPDATE red_packet SET status = 'FINISHED', finished_at = :at WHERE id = :id AND status = 'ACTIVE'")
                .param("id", id)
                .param("at", SqlTime.literal(lastClaimAt))
                .update() == 1;
    }

    public void markRefundSettled(long id, Instant at) {
        jdbc.sql("UPDATE red_packet SET refund_settled_at = :at WHERE id = :id AND refund_settled_at IS NULL")
                .param("id", id)
                .param("at", SqlTime.literal(at))
                .update();
    }

    /** Live packets past their expiry, oldest first. */
    public List<Long> expiredActive(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id FROM red_packet WHERE status = 'ACTIVE' AND expires_at <= :now
                        ORDER BY expires_at LIMIT :limit""")
                .param("now", SqlTime.literal(now))
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /** Unpaid packets older than {@code before}: BALANCE reservations and WeChat packets still without an order. */
    public List<Packet> stuckUnpaid(Instant before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM red_packet
                        WHERE pay_status = 0 AND created_at < :before AND status = 'PENDING_PAYMENT'
                          AND (pay_channel = 'BALANCE' OR out_trade_no IS NULL)
                        ORDER BY created_at LIMIT :limit""")
                .param("before", SqlTime.literal(before))
                .param("limit", limit)
                .query(MAPPER)
                .list();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static final RowMapper<Packet> MAPPER = (rs, i) -> new Packet(
            rs.getLong("id"), rs.getLong("sender_id"), PacketType.valueOf(rs.getString("type")),
            rs.getString("greeting"), rs.getLong("total_amount"), rs.getInt("count"), nullableLong(rs, "amount_each"),
            nullableLong(rs, "group_id"), nullableLong(rs, "receiver_id"), PayChannel.valueOf(rs.getString("pay_channel")),
            rs.getString("wechat_channel"), rs.getString("payer_open_id"), rs.getString("out_trade_no"),
            rs.getInt("pay_status"), PacketStatus.valueOf(rs.getString("status")), SqlTime.read(rs, "created_at"),
            SqlTime.read(rs, "expires_at"), SqlTime.read(rs, "paid_at"), SqlTime.read(rs, "finished_at"),
            SqlTime.read(rs, "closed_at"), rs.getLong("refunded_amount"), SqlTime.read(rs, "refund_settled_at"));
}
