package com.redpacket.settlement.ledger;

/** An account by what it belongs to: a user's wallet, a packet's escrow, or one of the system accounts (owner 0). */
public record AccountRef(AccountKind kind, long ownerId) implements Comparable<AccountRef> {
    public static final AccountRef WECHAT_CLEARING = new AccountRef(AccountKind.WECHAT_CLEARING, 0);
    public static final AccountRef WECHAT_REFUNDS = new AccountRef(AccountKind.WECHAT_REFUNDS, 0);

    public static AccountRef wallet(long userId) {
        return new AccountRef(AccountKind.WALLET, userId);
    }

    public static AccountRef escrow(long packetId) {
        return new AccountRef(AccountKind.ESCROW, packetId);
    }

    @Override
    public int compareTo(AccountRef other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : Long.compare(ownerId, other.ownerId);
    }
}
