package com.redpacket.settlement.ledger;

/** An entry as written: the account, the signed amount and the account's balance right after it. */
public record PostedEntry(AccountRef account, long amount, long balanceAfter) {
}
