package com.redpacket.settlement.ledger;

/**
 * The kinds of account. Declaration order is the order in which one transaction locks its accounts, the same for
 * every transaction, so two transactions can never wait for each other's accounts in a cycle.
 */
public enum AccountKind {
    /** Counterpart of money that arrived through WeChat Pay: minus everything received, negative by nature. */
    WECHAT_CLEARING(false),
    /** What left again through WeChat Pay refunds: positive, grows with each refund. */
    WECHAT_REFUNDS(false),
    /** One per packet: money paid in for the packet and not yet credited to a grabber or refunded. */
    ESCROW(true),
    /** One per user. */
    WALLET(true);

    private final boolean neverNegative;

    AccountKind(boolean neverNegative) {
        this.neverNegative = neverNegative;
    }

    /** Whether a debit must be refused rather than take the balance below zero. */
    public boolean neverNegative() {
        return neverNegative;
    }
}
