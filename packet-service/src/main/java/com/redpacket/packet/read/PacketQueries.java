package com.redpacket.packet.read;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.packet.client.GroupMembership;
import com.redpacket.packet.store.Packet;
import com.redpacket.packet.store.PacketRepository;
import com.redpacket.packet.store.Share;
import com.redpacket.packet.store.ShareRepository;
import com.redpacket.platform.jdbc.SqlTime;
import com.redpacket.platform.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The read side of API.md "Red packets": the detail (sender and audience only) and the sent / received lists. */
@Service
public class PacketQueries {
    private final PacketRepository packets;
    private final ShareRepository shares;
    private final GroupMembership membership;
    private final JdbcClient jdbc;

    public PacketQueries(PacketRepository packets, ShareRepository shares, GroupMembership membership, JdbcClient jdbc) {
        this.packets = packets;
        this.shares = shares;
        this.membership = membership;
        this.jdbc = jdbc;
    }

    /** The packet with its claims, for its sender's own answers. */
    public PacketView view(long packetId) {
        Packet p = packets.find(packetId).orElseThrow(() -> notFound(packetId));
        return PacketViews.detail(p, shares.all(packetId));
    }

    /**
     * The sender, whoever holds a share, and the audience (the receiver; a group packet's members) may read a packet;
     * to anyone else it does not exist (404, not 403: ids are guessable, a 403 would confirm one).
     */
    public PacketView detail(long caller, long packetId) {
        Packet p = packets.find(packetId).filter(Packet::visible).orElseThrow(() -> notFound(packetId));
        List<Share> all = shares.all(packetId);
        boolean holdsShare = all.stream().anyMatch(s -> s.receiver() != null && s.receiver() == caller);
        if (p.senderId() != caller && !holdsShare && !inAudience(p, caller)) {
            throw notFound(packetId);
        }
        return PacketViews.detail(p, all);
    }

    private boolean inAudience(Packet p, long caller) {
        if (p.receiverId() != null) {
            return p.receiverId() == caller;
        }
        return p.groupId() != null && membership.isMember(p.groupId(), caller);
    }

    /** The caller's packets, newest first; totals count what was really sent (paid or app-confirmed, not cancelled). */
    public Page<PacketView> sent(long caller, Integer limit, String cursor) {
        int n = Cursor.limit(limit);
        long before = cursor == null ? Long.MAX_VALUE : Cursor.decode(cursor, 1)[0];
        List<Packet> rows = jdbc.sql("SELECT " + PacketRepository.COLUMNS + """
                         FROM red_packet
                        WHERE sender_id = :sender AND id < :before AND NOT (pay_channel = 'BALANCE' AND pay_status = 0)
                        ORDER BY id DESC LIMIT :limit""")
                .param("sender", caller)
                .param("before", before)
                .param("limit", n + 1)
                .query(PacketRepository.MAPPER)
                .list();
        List<Packet> page = rows.subList(0, Math.min(n, rows.size()));
        Map<Long, long[]> grabbed = grabbedTotals(page);
        List<PacketView> items = page.stream().map(p -> {
            long[] g = grabbed.getOrDefault(p.id(), new long[2]);
            return PacketViews.summary(p, (int) g[0], g[1]);
        }).toList();
        String next = rows.size() > n ? Cursor.encode(page.getLast().id()) : null;
        long[] totals = jdbc.sql("""
                        SELECT COUNT(*), COALESCE(SUM(total_amount), 0) FROM red_packet
                        WHERE sender_id = :sender AND status IN ('ACTIVE', 'FINISHED', 'EXPIRED')""")
                .param("sender", caller)
                .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)})
                .single();
        return new Page<>(items, next, totals[1], totals[0]);
    }

    /** The shares the caller grabbed, most recent first (voided claims of cancelled packets left out). */
    public Page<ReceivedItem> received(long caller, Integer limit, String cursor) {
        int n = Cursor.limit(limit);
        long[] after = cursor == null ? new long[]{Long.MAX_VALUE, Long.MAX_VALUE} : Cursor.decode(cursor, 2);
        Instant at = after[0] == Long.MAX_VALUE ? Instant.parse("9999-12-31T00:00:00Z")
                : Instant.EPOCH.plus(after[0], ChronoUnit.MICROS);
        List<ReceivedItem> rows = jdbc.sql("""
                        SELECT l.packet_id, l.amount, l.grabbed_at, l.is_into_account, p.sender_id, p.type, p.greeting
                        FROM red_packet_log l JOIN red_packet p ON p.id = l.packet_id
                        WHERE l.receiver = :user AND l.voided = 0
                          AND (l.grabbed_at < :at OR (l.grabbed_at = :at AND l.packet_id < :packet))
                        ORDER BY l.grabbed_at DESC, l.packet_id DESC LIMIT :limit""")
                .param("user", caller)
                .param("at", SqlTime.literal(at))
                .param("packet", after[1])
                .param("limit", n + 1)
                .query((rs, i) -> new ReceivedItem(Long.toString(rs.getLong("packet_id")),
                        Long.toString(rs.getLong("sender_id")), rs.getString("type"), rs.getString("greeting"),
                        rs.getLong("amount"), SqlTime.read(rs, "grabbed_at"),
                        rs.getBoolean("is_into_account")))
                .list();
        List<ReceivedItem> page = rows.subList(0, Math.min(n, rows.size()));
        String next = null;
        if (rows.size() > n) {
            ReceivedItem last = page.getLast();
            next = Cursor.encode(ChronoUnit.MICROS.between(Instant.EPOCH, last.grabbedAt()),
                    Long.parseLong(last.packetId()));
        }
        long[] totals = jdbc.sql("""
                        SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM red_packet_log
                        WHERE receiver = :user AND voided = 0""")
                .param("user", caller)
                .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)})
                .single();
        return new Page<>(page, next, totals[1], totals[0]);
    }

    private Map<Long, long[]> grabbedTotals(List<Packet> page) {
        Map<Long, long[]> totals = new HashMap<>();
        if (page.isEmpty()) {
            return totals;
        }
        jdbc.sql("""
                        SELECT packet_id, COUNT(*), SUM(amount) FROM red_packet_log
                        WHERE packet_id IN (:ids) AND receiver IS NOT NULL GROUP BY packet_id""")
                .param("ids", page.stream().map(Packet::id).toList())
                .query(rs -> {
                    totals.put(rs.getLong(1), new long[]{rs.getLong(2), rs.getLong(3)});
                });
        return totals;
    }

    private static ApiException notFound(long packetId) {
        return ApiException.of(ErrorCode.PACKET_NOT_FOUND, "No packet " + packetId);
    }
}
