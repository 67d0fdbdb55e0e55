package com.redpacket.packet.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants to and from DATETIME(6) columns (UTC). They are written as literals with microseconds: mysql-connector-j
 * reads MariaDB's version as 5.5.5 and then drops the fraction of a {@code Timestamp} parameter, which would put
 * the claims of one second in an arbitrary order.
 */
public final class SqlTime {
    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private SqlTime() {
    }

    public static String literal(Instant at) {
        return at == null ? null : LITERAL.format(at);
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
