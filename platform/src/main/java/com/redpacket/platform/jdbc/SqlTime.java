package com.redpacket.platform.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants to and from DATETIME(6) columns (UTC): the one way every service writes an instant to SQL. Bind
 * {@link #literal} as the parameter, never a {@code java.sql.Timestamp} (or a {@code java.time} value):
 * mysql-connector-j reads MariaDB's version string ("5.5.5-10.11.x-MariaDB") as server 5.5.5, decides it cannot store
 * fractional seconds and silently drops the fraction of such a parameter. On MariaDB every time would then be whole
 * seconds (the claims of one second in an arbitrary order, an {@code updated_at = :seen} compare-and-set against a
 * value read back with its microseconds never matching) while MySQL keeps them: the literal, with microseconds, is
 * stored the same by both. The JDBC sessions run in UTC
 * ({@code connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true}), so the literal is UTC too. Reading with
 * {@link #read} (or {@code rs.getTimestamp}) keeps the microseconds.
 */
public final class SqlTime {
    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private SqlTime() {
    }

    /** {@code yyyy-MM-dd HH:mm:ss.SSSSSS} in UTC (anything below a microsecond is cut off); null for null. */
    public static String literal(Instant at) {
        return at == null ? null : LITERAL.format(at);
    }

    /** The column's instant, null for SQL NULL. */
    public static Instant read(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
