package com.redpacket.settlement.invariants;

/** One broken invariant: which rule, about what (a transaction, an account, a packet), and the numbers. */
public record Violation(String rule, String subject, String detail) {
}
