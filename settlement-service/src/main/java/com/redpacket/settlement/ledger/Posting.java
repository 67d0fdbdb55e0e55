package com.redpacket.settlement.ledger;

/** One side of a transaction: {@code amount} fen into (positive) or out of (negative) an account. */
public record Posting(AccountRef account, long amount) {
}
