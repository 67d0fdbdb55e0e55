package com.redpacket.e2e.support;

import com.redpacket.e2e.Api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services' schemas as an oracle sees them, for what no public or internal call shows (a row a rejected call must
 * not have written, every share and ledger transaction of a fault run). Only read, as root: the one test that writes
 * is payment's OrderClock, and it says why. {@code REDPACKET_E2E_DB_URL} (default jdbc:mysql://127.0.0.1:3306/),
 * {@code REDPACKET_E2E_DB_USER} (root), {@code REDPACKET_E2E_DB_PASSWORD} (""); schema names
 * {@code REDPACKET_E2E_<SERVICE>_SCHEMA} (default redpacket_user, redpacket_packet, redpacket_payment,
 * redpacket_settlement).
 */
public final class Db {
    public static final Db USER = of("USER", "redpacket_user");
    public static final Db PACKET = of("PACKET", "redpacket_packet");
    public static final Db PAYMENT = of("PAYMENT", "redpacket_payment");
    public static final Db SETTLEMENT = of("SETTLEMENT", "redpacket_settlement");

    private final String schema;

    private Db(String schema) {
        this.schema = schema;
    }

    private static Db of(String service, String fallback) {
        return new Db(Api.env("REDPACKET_E2E_" + service + "_SCHEMA", fallback));
    }

    public String schema() {
        return schema;
    }

    public Connection connect() throws SQLException {
        String url = Api.env("REDPACKET_E2E_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
        return DriverManager.getConnection(url + schema + "?sslMode=DISABLED&allowPublicKeyRetrieval=true"
                        + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true",
                Api.env("REDPACKET_E2E_DB_USER", "root"), Api.env("REDPACKET_E2E_DB_PASSWORD", ""));
    }

    /** The rows of a query, each as column label → value (in select order). */
    public List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + schema + ": " + sql, e);
        }
    }

    /** A query's single number (a COUNT or SUM). */
    public long number(String sql, Object... params) {
        Object value = rows(sql, params).getFirst().values().iterator().next();
        return value == null ? 0 : ((Number) value).longValue();
    }
}
