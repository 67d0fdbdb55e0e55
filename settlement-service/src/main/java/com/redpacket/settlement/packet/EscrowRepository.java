package com.redpacket.settlement.packet;

import com.redpacket.platform.jdbc.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The {@code packet_escrow} rows. {@link #lock} is how every step on a packet starts: it creates the row if needed and
 * holds it exclusively until the transaction ends, so two steps on one packet never interleave (and steps on
 * different packets never wait for each other).
 */
@Repository
public class EscrowRepository {
    private final JdbcClient jdbc;

    public EscrowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public EscrowState lock(long packetId) {
        String now = now();
        // ON DUPLICATE KEY UPDATE takes the row's exclusive lock straight away (INSERT IGNORE would take a shared one,
        // and two shared holders upgrading would deadlock)
        jdbc.sql("""
                        INSERT INTO packet_escrow (packet_id, created_at, updated_at) VALUES (:id, :now, :now)
                        ON DUPLICATE KEY UPDATE packet_id = packet_id""")
                .param("id", packetId)
                .param("now", now)
                .update();
        return jdbc.sql("""
                        SELECT packet_id, sender_id, payer_id, funded_amount, funding_ref, funded_at, credited_amount,
                               refund_due, refunded_amount, refunded_at, cancelled_at
                        FROM packet_escrow WHERE packet_id = :id FOR UPDATE""")
                .param("id", packetId)
                .query((rs, i) -> map(rs))
                .single();
    }

    public void noteSender(long packetId, long senderId) {
        jdbc.sql("UPDATE packet_escrow SET sender_id = :s WHERE packet_id = :id AND sender_id IS NULL")
                .param("s", senderId)
                .param("id", packetId)
                .update();
    }

    public void markFunded(long packetId, long payerId, long amount, String ref) {
        jdbc.sql("""
                        UPDATE packet_escrow SET payer_id = :payer, funded_amount = :amount, funding_ref = :ref,
                               funded_at = :now, updated_at = :now
                        WHERE packet_id = :id AND funded_at IS NULL""")
                .param("payer", payerId)
                .param("amount", amount)
                .param("ref", ref)
                .param("now", now())
                .param("id", packetId)
                .update();
    }

    public void addCredited(long packetId, long amount) {
        jdbc.sql("UPDATE packet_escrow SET credited_amount = credited_amount + :a, updated_at = :now WHERE packet_id = :id")
                .param("a", amount)
                .param("now", now())
                .param("id", packetId)
                .update();
    }

    public void addRefunded(long packetId, long amount) {
        jdbc.sql("""
                        UPDATE packet_escrow SET refunded_amount = refunded_amount + :a, refunded_at = :now, updated_at = :now
                        WHERE packet_id = :id""")
                .param("a", amount)
                .param("now", now())
                .param("id", packetId)
                .update();
    }

    public void setRefundDue(long packetId, long amount) {
        jdbc.sql("""
                        UPDATE packet_escrow SET refund_due = :a, updated_at = :now
                        WHERE packet_id = :id AND refund_due IS NULL""")
                .param("a", amount)
                .param("now", now())
                .param("id", packetId)
                .update();
    }

    public void markCancelled(long packetId) {
        jdbc.sql("""
                        UPDATE packet_escrow SET cancelled_at = :now, updated_at = :now
                        WHERE packet_id = :id AND cancelled_at IS NULL""")
                .param("now", now())
                .param("id", packetId)
                .update();
    }

    private static EscrowState map(ResultSet rs) throws SQLException {
        return new EscrowState(rs.getLong("packet_id"), nullableLong(rs, "sender_id"), nullableLong(rs, "payer_id"),
                rs.getLong("funded_amount"), rs.getString("funding_ref"), rs.getTimestamp("funded_at") != null,
                rs.getLong("credited_amount"), nullableLong(rs, "refund_due"), rs.getLong("refunded_amount"),
                rs.getTimestamp("refunded_at") != null, rs.getTimestamp("cancelled_at") != null);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static String now() {
        return SqlTime.literal(Instant.now());
    }
}
