package com.redpacket.e2e.payment;

import com.redpacket.e2e.Api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * An order is closed 15 minutes after it was opened; an end-to-end test cannot wait that long, so it moves one
 * order's deadline into the past in payment-service's schema (and nothing else): the running active query then
 * closes it exactly as it would a quarter of an hour later. {@code REDPACKET_E2E_DB_URL} (default
 * jdbc:mysql://127.0.0.1:3306/), {@code REDPACKET_E2E_DB_USER} (root), {@code REDPACKET_E2E_DB_PASSWORD} (""),
 * {@code REDPACKET_E2E_PAYMENT_SCHEMA} (redpacket_payment).
 */
final class OrderClock {
    private OrderClock() {
    }

    static void expireNow(String outTradeNo) {
        String url = Api.env("REDPACKET_E2E_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
        String schema = Api.env("REDPACKET_E2E_PAYMENT_SCHEMA", "redpacket_payment");
        try (Connection c = DriverManager.getConnection(url + schema + "?sslMode=DISABLED&allowPublicKeyRetrieval=true"
                        + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true",
                Api.env("REDPACKET_E2E_DB_USER", "root"), Api.env("REDPACKET_E2E_DB_PASSWORD", ""));
             PreparedStatement update = c.prepareStatement("""
                     UPDATE payment_order SET expires_at = NOW(6) - INTERVAL 1 SECOND, next_query_at = NOW(6)
                     WHERE out_trade_no = ? AND status = 'PENDING'""")) {
            update.setString(1, outTradeNo);
            if (update.executeUpdate() != 1) {
                throw new AssertionError("no PENDING order " + outTradeNo + " to expire");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach payment-service's schema to expire " + outTradeNo, e);
        }
    }
}
