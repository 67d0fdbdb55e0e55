package com.redpacket.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Read-only queries on the services' schemas, the benchmark's independent view of the truth: the claims packet-service
 * committed, and when settlement-service credited each one ({@code packet_claim.credited_at}, written in the
 * transaction that moved the money, from the same machine clock as the benchmark's).
 */
final class Oracle {
    record Claim(long packetId, int seq, long receiver, long amount, Instant grabbedAt) {
    }

    record Credit(long packetId, long receiver, Instant creditedAt) {
    }

    private final String url;
    private final String user;
    private final String password;

    Oracle(String host, int port, String user, String password) {
        this.url = "jdbc:mysql://" + host + ":" + port + "/?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&sslMode=DISABLED&allowPublicKeyRetrieval=true";
        this.user = user;
        this.password = password;
    }

    List<Claim> claims(List<Long> packetIds) throws SQLException {
        List<Claim> claims = new ArrayList<>();
        query("SELECT packet_id, seq, receiver, amount, grabbed_at FROM redpacket_packet.red_packet_log"
                + " WHERE receiver IS NOT NULL AND packet_id IN (" + in(packetIds) + ")", rs -> claims.add(new Claim(
                rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), utc(rs, 5))));
        return claims;
    }

    /** The credited claims of those packets (not yet credited ones are left out). */
    List<Credit> credits(List<Long> packetIds) throws SQLException {
        List<Credit> credits = new ArrayList<>();
        query("SELECT packet_id, receiver_id, credited_at FROM redpacket_settlement.packet_claim"
                + " WHERE credited_at IS NOT NULL AND packet_id IN (" + in(packetIds) + ")",
                rs -> credits.add(new Credit(rs.getLong(1), rs.getLong(2),
                        utc(rs, 3))));
        return credits;
    }

    /** The credited claims of those packets once {@code expected} are, or whatever is credited after {@code wait}. */
    List<Credit> credits(List<Long> packetIds, long expected, Duration wait) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        List<Credit> credits = credits(packetIds);
        while (credits.size() < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            credits = credits(packetIds);
        }
        return credits;
    }

    private static Instant utc(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    private void query(String sql, Row row) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }

    private static String in(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }
}
