package com.redpacket.settlement.ledger;

/** A debit would have taken a wallet or escrow below zero; the transaction must roll back, nothing moved. */
public class InsufficientFunds extends RuntimeException {
    private final AccountRef account;

    public InsufficientFunds(AccountRef account, long amount) {
        super(account.kind() + " " + account.ownerId() + " holds less than " + amount);
        this.account = account;
    }

    public AccountRef account() {
        return account;
    }
}
