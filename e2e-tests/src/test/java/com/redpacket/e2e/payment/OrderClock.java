package com.redpacket.e2e.payment;

import com.redpacket.e2e.support.Db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * An order is closed 15 minutes after it was opened; an end-to-end test cannot wait that long, so it moves one
 * order's deadline into the past in payment-service's schema (and nothing else): the running active query then
 * closes it exactly as it would a quarter of an hour later (the connection: {@link Db}).
 */
final class OrderClock {
    private OrderClock() {
    }

    static void expireNow(String outTradeNo) {
        try (Connection c = Db.PAYMENT.connect();
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
