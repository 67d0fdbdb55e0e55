package com.redpacket.packet.store;

import com.redpacket.platform.jdbc.SqlTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

import static com.redpacket.packet.store.PacketRepository.nullableLong;

/**
 * {@code red_packet_log}. A share changes hands only through a conditional UPDATE of its own row that requires it to
 * be free ({@code receiver IS NULL AND refunded = 0 AND voided = 0}); claiming, refunding at expiry and voiding at
 * cancellation all use that condition, so InnoDB's row lock decides which one wins each share, exactly once.
 */
@Repository
public class ShareRepository {
    private static final String FREE = "receiver IS NULL AND refunded = 0 AND voided = 0";

    /** Keeps a statement's text and parameter list at a size every driver and server takes without thought. */
    private static final int MAX_KEYS_PER_STATEMENT = 500;

    private final JdbcClient jdbc;

    public ShareRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Gives share {@code seq} to {@code userId} if it is free; throws DuplicateKeyException if the user holds another. */
    public boolean claim(long packetId, int seq, long userId, Instant at) {
        return jdbc.sql("UPDATE red_packet_log SET receiver = :user, grabbed_at = :at "
                        + "WHERE packet_id = :packet AND seq = :seq AND " + FREE)
                .param("user", userId)
                .param("at", SqlTime.literal(at))
                .param("packet", packetId)
                .param("seq", seq)
                .update() == 1;
    }

    public Optional<Share> find(long packetId, int seq) {
        return jdbc.sql("SELECT * FROM red_packet_log WHERE packet_id = :packet AND seq = :seq")
                .param("packet", packetId)
                .param("seq", seq)
                .query(MAPPER)
                .optional();
    }

    public Optional<Share> heldBy(long packetId, long userId) {
        return jdbc.sql("SELECT * FROM red_packet_log WHERE packet_id = :packet AND receiver = :user")
                .param("packet", packetId)
                .param("user", userId)
                .query(MAPPER)
                .optional();
    }

    /** All shares in seq order. */
    public List<Share> all(long packetId) {
        return jdbc.sql("SELECT * FROM red_packet_log WHERE packet_id = :packet ORDER BY seq")
                .param("packet", packetId)
                .query(MAPPER)
                .list();
    }

    /** The time of the last claim if no share is free any more (the packet is emptied), else empty. */
    public Optional<Instant> emptiedAt(long packetId) {
        return jdbc.sql("SELECT SUM(" + FREE + ") AS free, MAX(grabbed_at) AS last FROM red_packet_log "
                        + "WHERE packet_id = :packet")
                .param("packet", packetId)
                .query((rs, i) -> rs.getLong("free") == 0 && rs.getTimestamp("last") != null
                        ? Optional.of(SqlTime.read(rs, "last")) : Optional.<Instant>empty())
                .single();
    }

    /** Expiry: every free share goes back to the sender. Returns how many shares this call refunded. */
    public int refundFree(long packetId) {
        return jdbc.sql("UPDATE red_packet_log SET refunded = 1 WHERE packet_id = :packet AND " + FREE)
                .param("packet", packetId)
                .update();
    }

    /** Shares refunded and their amount, whoever refunded them. */
    public Totals refunded(long packetId) {
        return jdbc.sql("""
                        SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM red_packet_log
                        WHERE packet_id = :packet AND refunded = 1""")
                .param("packet", packetId)
                .query((rs, i) -> new Totals(rs.getInt(1), rs.getLong(2)))
                .single();
    }

    /** Cancellation: every share not refunded is void, claimed or not; returns how many claims were voided. */
    public int voidAll(long packetId) {
        jdbc.sql("UPDATE red_packet_log SET voided = 1 WHERE packet_id = :packet AND refunded = 0 AND voided = 0")
                .param("packet", packetId)
                .update();
        return jdbc.sql("SELECT COUNT(*) FROM red_packet_log WHERE packet_id = :packet AND voided = 1 AND receiver IS NOT NULL")
                .param("packet", packetId)
                .query(Integer.class)
                .single();
    }

    /**
     * settlement-service credited these shares to their receivers' wallets: one statement for a consumer batch's
     * shares on any number of packets, rows locked in key order (two batches never wait for each other in a cycle).
     * Returns how many rows were not flagged before.
     */
    public int markCredited(Collection<ShareKey> keys) {
        List<ShareKey> sorted = keys.stream().distinct().sorted().toList();
        int changed = 0;
        for (int from = 0; from < sorted.size(); from += MAX_KEYS_PER_STATEMENT) {
            List<ShareKey> chunk = sorted.subList(from, Math.min(sorted.size(), from + MAX_KEYS_PER_STATEMENT));
            StringJoiner where = new StringJoiner(" OR ");
            List<Object> params = new ArrayList<>(chunk.size() * 2);
            for (ShareKey key : chunk) {
                where.add("(packet_id = ? AND seq = ?)");
                params.add(key.packetId());
                params.add(key.seq());
            }
            changed += jdbc.sql("UPDATE red_packet_log SET is_into_account = 1 WHERE is_into_account = 0 AND ("
                            + where + ")")
                    .params(params)
                    .update();
        }
        return changed;
    }

    /** A share's key: share {@code seq} of packet {@code packetId}, ordered as the primary key. */
    public record ShareKey(long packetId, int seq) implements Comparable<ShareKey> {
        private static final Comparator<ShareKey> ORDER =
                Comparator.comparingLong(ShareKey::packetId).thenComparingInt(ShareKey::seq);

        @Override
        public int compareTo(ShareKey other) {
            return ORDER.compare(this, other);
        }
    }

    public record Totals(int shares, long amount) {
    }

    static final RowMapper<Share> MAPPER = (rs, i) -> new Share(rs.getLong("packet_id"), rs.getInt("seq"),
            rs.getLong("amount"), nullableLong(rs, "receiver"), SqlTime.read(rs, "grabbed_at"),
            rs.getBoolean("is_into_account"), rs.getBoolean("refunded"), rs.getBoolean("voided"));
}
