package com.redpacket.settlement.wallet;

/** {@code GET /api/wallet}; ids are strings in public JSON. */
public record WalletBalance(String userId, long balance) {
}
