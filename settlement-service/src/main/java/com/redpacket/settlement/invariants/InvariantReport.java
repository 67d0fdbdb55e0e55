package com.redpacket.settlement.invariants;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /internal/invariants}. {@code ok} is true iff {@code violations} is empty. The figures show money in =
 * money out: {@code wechatReceived} = {@code wallets} + {@code escrowHeld} + {@code wechatRefunded}.
 */
public record InvariantReport(boolean ok, Instant checkedAt, Figures figures, List<Violation> violations) {

    public record Figures(long ledgerSum, long wechatReceived, long wallets, long escrowHeld, long wechatRefunded,
                          long transactions) {
    }
}
