package com.redpacket.settlement.packet;

import com.redpacket.platform.jdbc.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code packet_claim} rows; only ever changed under the packet's escrow row lock. */
@Repository
public class ClaimRepository {
    private final JdbcClient jdbc;

    public ClaimRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a claim; false if this share was already known (the first record stands). */
    public boolean record(Claim claim, Instant claimedAt) {
        return jdbc.sql("""
                        INSERT IGNORE INTO packet_claim (packet_id, seq, receiver_id, amount, claimed_at, created_at)
                        VALUES (:p, :seq, :r, :a, :at, :now)""")
                .param("p", claim.packetId())
                .param("seq", claim.seq())
                .param("r", claim.receiverId())
                .param("a", claim.amount())
                .param("at", SqlTime.literal(claimedAt))
                .param("now", SqlTime.literal(Instant.now()))
                .update() == 1;
    }

    public Optional<Claim> find(long packetId, int seq) {
        return jdbc.sql("SELECT packet_id, seq, receiver_id, amount FROM packet_claim WHERE packet_id = :p AND seq = :seq")
                .param("p", packetId)
                .param("seq", seq)
                .query((rs, i) -> new Claim(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)))
                .optional();
    }

    /** Uncredited claims, by receiver: several wallets updated in one transaction are always locked in the same order. */
    public List<Claim> uncredited(long packetId) {
        return jdbc.sql("""
                        SELECT packet_id, seq, receiver_id, amount FROM packet_claim
                        WHERE packet_id = :p AND credited_at IS NULL ORDER BY receiver_id, seq""")
                .param("p", packetId)
                .query((rs, i) -> new Claim(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    public void markCredited(long packetId, int seq) {
        jdbc.sql("UPDATE packet_claim SET credited_at = :now WHERE packet_id = :p AND seq = :seq AND credited_at IS NULL")
                .param("now", SqlTime.literal(Instant.now()))
                .param("p", packetId)
                .param("seq", seq)
                .update();
    }
}
