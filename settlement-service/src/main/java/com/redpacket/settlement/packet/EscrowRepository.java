package com.redpacket.settlement.packet;

import com.redpacket.platform.jdbc.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

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

    /**
     * {@link #lock} for several packets in two statements, taking their rows in packet order (so two callers never
     * wait for each other's rows in a cycle).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, EscrowState> lockAll(Collection<Long> packetIds) {
        List<Long> ids = packetIds.stream().distinct().sorted().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        String now = now();
        StringJoiner rows = new StringJoiner(", ");
        List<Object> params = new ArrayList<>(ids.size() * 3);
        for (long id : ids) {
            rows.add("(?, ?, ?)");
            params.addAll(List.of(id, now, now));
        }
        jdbc.sql("INSERT INTO packet_escrow (packet_id, created_at, updated_at) VALUES " + rows
                        + " ON DUPLICATE KEY UPDATE packet_id = packet_id")
                .params(params)
                .update();
        Map<Long, EscrowState> states = new TreeMap<>();
        jdbc.sql("""
                        SELECT packet_id, sender_id, payer_id, funded_amount, funding_ref, funded_at, credited_amount,
                               refund_due, refunded_amount, refunded_at, cancelled_at
                        FROM packet_escrow WHERE packet_id IN (:ids) ORDER BY packet_id FOR UPDATE""")
                .param("ids", ids)
                .query((rs, i) -> map(rs))
                .list()
                .forEach(state -> states.put(state.packetId(), state));
        return states;
    }

    /** {@link #noteSender} for several packets (packet id → sender) in one statement. */
    public void noteSenders(Map<Long, Long> senders) {
        if (senders.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>();
        String sender = cases(senders, params);
        params.addAll(senders.keySet());
        jdbc.sql("UPDATE packet_escrow SET sender_id = " + sender + " WHERE packet_id IN ("
                        + placeholders(senders.size()) + ") AND sender_id IS NULL")
                .params(params)
                .update();
    }

    /** {@link #addCredited} for several packets (packet id → amount) in one statement. */
    public void addCreditedAll(Map<Long, Long> amounts) {
        if (amounts.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>();
        String amount = cases(amounts, params);
        params.add(now());
        params.addAll(amounts.keySet());
        jdbc.sql("UPDATE packet_escrow SET credited_amount = credited_amount + " + amount + ", updated_at = ? "
                        + "WHERE packet_id IN (" + placeholders(amounts.size()) + ")")
                .params(params)
                .update();
    }

    /** {@code CASE packet_id WHEN ? THEN ? ... END} for {@code values}, its parameters added to {@code params}. */
    private static String cases(Map<Long, Long> values, List<Object> params) {
        StringBuilder sql = new StringBuilder("CASE packet_id");
        values.forEach((packetId, value) -> {
            sql.append(" WHEN ? THEN ?");
            params.add(packetId);
            params.add(value);
        });
        return sql.append(" END").toString();
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
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
