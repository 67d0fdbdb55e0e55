package com.redpacket.settlement.packet;

import com.redpacket.contracts.events.PacketClaimed;
import com.redpacket.platform.jdbc.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/** The {@code packet_claim} rows; only ever changed under the packet's escrow row lock. */
@Repository
public class ClaimRepository {
    private final JdbcClient jdbc;

    public ClaimRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records several new claims in one statement, those in {@code credited} as credited now. Only for shares not
     * recorded yet (the caller checked under the packets' locks): a known one fails the insert.
     */
    public void recordAll(List<PacketClaimed> events, Set<PacketClaimed> credited) {
        if (events.isEmpty()) {
            return;
        }
        String now = SqlTime.literal(Instant.now());
        StringJoiner rows = new StringJoiner(", ");
        List<Object> params = new ArrayList<>(events.size() * 7);
        for (PacketClaimed e : events) {
            boolean isCredited = credited.contains(e);
            rows.add(isCredited ? "(?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, NULL, ?)");
            params.add(e.packetId());
            params.add(e.seq());
            params.add(e.receiverId());
            params.add(e.amount());
            params.add(SqlTime.literal(e.claimedAt()));
            if (isCredited) {
                params.add(now);
            }
            params.add(now);
        }
        jdbc.sql("INSERT INTO packet_claim (packet_id, seq, receiver_id, amount, claimed_at, credited_at, created_at) "
                        + "VALUES " + rows)
                .params(params)
                .update();
    }

    /** The claims known for {@code packetIds}. */
    public List<Claim> ofPackets(Collection<Long> packetIds) {
        if (packetIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT packet_id, seq, receiver_id, amount FROM packet_claim WHERE packet_id IN (:p)")
                .param("p", List.copyOf(packetIds))
                .query((rs, i) -> new Claim(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)))
                .list();
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
