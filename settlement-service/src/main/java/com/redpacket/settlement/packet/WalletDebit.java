package com.redpacket.settlement.packet;

/** The wallet side of a BALANCE packet's funding: who paid, how much, and their balance right after. */
public record WalletDebit(long userId, long amount, long balanceAfter) {
}
