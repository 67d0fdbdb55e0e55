package com.redpacket.settlement.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A balanced set of postings (they sum to zero) under a business key that makes the step happen at most once.
 * Postings are kept in lock order ({@link AccountRef#compareTo}).
 */
public record LedgerTransaction(String businessKey, TxnKind kind, long refId, List<Posting> postings) {

    public LedgerTransaction {
        if (businessKey == null || businessKey.isBlank() || businessKey.length() > 96) {
            throw new IllegalArgumentException("business key must be 1..96 characters: " + businessKey);
        }
        if (postings.size() < 2) {
            throw new IllegalArgumentException("a transaction needs at least two postings: " + businessKey);
        }
        long sum = 0;
        for (Posting p : postings) {
            if (p.amount() == 0) {
                throw new IllegalArgumentException("zero posting in " + businessKey);
            }
            sum = Math.addExact(sum, p.amount());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("unbalanced transaction " + businessKey + ": postings sum to " + sum);
        }
        List<Posting> ordered = new ArrayList<>(postings);
        ordered.sort(Comparator.comparing(Posting::account));
        postings = List.copyOf(ordered);
    }

    /** {@code amount} (> 0) moves from one account to another. */
    public static LedgerTransaction transfer(String businessKey, TxnKind kind, long refId, AccountRef from, AccountRef to,
                                             long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("a transfer moves a positive amount, not " + amount + ": " + businessKey);
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("a transfer needs two different accounts: " + businessKey);
        }
        return new LedgerTransaction(businessKey, kind, refId, List.of(new Posting(from, -amount), new Posting(to, amount)));
    }
}
