package com.redpacket.settlement.invariants;

import com.redpacket.platform.jdbc.SqlTime;
import com.redpacket.settlement.SettlementProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes the ledger's invariants from the tables (ARCHITECTURE.md "Invariants"), each from more than one source
 * so a bug in one counter shows up against the others: account balances against their entries, the per-packet
 * counters against the escrow account's entries and the credited claims. Lists every violation (up to
 * {@value #LIMIT} per rule), not just a verdict.
 */
@Component
public class InvariantChecker {
    static final int LIMIT = 100;

    private final JdbcClient jdbc;
    private final SettlementProperties props;

    public InvariantChecker(JdbcClient jdbc, SettlementProperties props) {
        this.jdbc = jdbc;
        this.props = props;
    }

    public InvariantReport check() {
        List<Violation> violations = new ArrayList<>();
        InvariantReport.Figures figures = figures(violations);
        unbalancedTransactions(violations);
        balancesAgainstEntries(violations);
        negativeBalances(violations);
        packets(violations);
        creditedClaimsWithoutTransaction(violations);
        overdue(violations, SqlTime.literal(Instant.now().minus(props.reconciliationGrace())));
        return new InvariantReport(violations.isEmpty(), Instant.now(), figures, List.copyOf(violations));
    }

    private InvariantReport.Figures figures(List<Violation> violations) {
        Map<String, Long> byKind = new HashMap<>();
        jdbc.sql("SELECT kind, COALESCE(SUM(balance), 0) FROM account GROUP BY kind")
                .query((rs, i) -> byKind.put(rs.getString(1), rs.getLong(2)))
                .list();
        long ledgerSum = byKind.values().stream().mapToLong(Long::longValue).sum();
        long entriesSum = jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM ledger_entry").query(Long.class).single();
        long transactions = jdbc.sql("SELECT COUNT(*) FROM ledger_txn").query(Long.class).single();
        if (ledgerSum != 0) {
            violations.add(new Violation("LEDGER_SUMS_TO_ZERO", "accounts", "account balances sum to " + ledgerSum));
        }
        if (entriesSum != 0) {
            violations.add(new Violation("LEDGER_SUMS_TO_ZERO", "entries", "all entries sum to " + entriesSum));
        }
        return new InvariantReport.Figures(ledgerSum, -byKind.getOrDefault("WECHAT_CLEARING", 0L),
                byKind.getOrDefault("WALLET", 0L), byKind.getOrDefault("ESCROW", 0L),
                byKind.getOrDefault("WECHAT_REFUNDS", 0L), transactions);
    }

    private void unbalancedTransactions(List<Violation> violations) {
        jdbc.sql("""
                        SELECT t.id, t.business_key, COALESCE(SUM(e.amount), 0), COUNT(e.id)
                        FROM ledger_txn t LEFT JOIN ledger_entry e ON e.txn_id = t.id
                        GROUP BY t.id, t.business_key
                        HAVING COALESCE(SUM(e.amount), 0) <> 0 OR COUNT(e.id) < 2
                        LIMIT :limit""")
                .param("limit", LIMIT)
                .query((rs, i) -> violations.add(new Violation("TRANSACTION_SUMS_TO_ZERO", rs.getString(2),
                        rs.getLong(4) + " entries summing to " + rs.getLong(3))))
                .list();
    }

    private void balancesAgainstEntries(List<Violation> violations) {
        jdbc.sql("""
                        SELECT a.kind, a.owner_id, a.balance, COALESCE(SUM(e.amount), 0)
                        FROM account a LEFT JOIN ledger_entry e ON e.account_kind = a.kind AND e.owner_id = a.owner_id
                        GROUP BY a.id, a.kind, a.owner_id, a.balance
                        HAVING a.balance <> COALESCE(SUM(e.amount), 0)
                        LIMIT :limit""")
                .param("limit", LIMIT)
                .query((rs, i) -> violations.add(new Violation("BALANCE_EQUALS_ENTRIES",
                        rs.getString(1) + ":" + rs.getLong(2),
                        "balance " + rs.getLong(3) + " but entries sum to " + rs.getLong(4))))
                .list();
    }

    private void negativeBalances(List<Violation> violations) {
        jdbc.sql("""
                        SELECT kind, owner_id, balance FROM account
                        WHERE kind IN ('WALLET', 'ESCROW') AND balance < 0 LIMIT :limit""")
                .param("limit", LIMIT)
                .query((rs, i) -> violations.add(new Violation("NO_NEGATIVE_WALLET",
                        rs.getString(1) + ":" + rs.getLong(2), "balance " + rs.getLong(3))))
                .list();
    }

    /** Per packet: funded = credited + refunded + held, by the counters, by the escrow's entries and by the claims. */
    private void packets(List<Violation> violations) {
        jdbc.sql("""
                        SELECT p.packet_id, p.funded_amount, p.credited_amount, p.refunded_amount,
                               COALESCE(a.balance, 0), COALESCE(l.funded, 0), COALESCE(l.credited, 0),
                               COALESCE(l.refunded, 0), COALESCE(c.credited, 0)
                        FROM packet_escrow p
                        LEFT JOIN account a ON a.kind = 'ESCROW' AND a.owner_id = p.packet_id
                        LEFT JOIN (SELECT e.owner_id AS packet_id,
                                          SUM(CASE WHEN e.kind IN ('PACKET_SENT', 'PACKET_PAID') THEN e.amount ELSE 0 END) AS funded,
                                          SUM(CASE WHEN e.kind = 'PACKET_GRABBED' THEN -e.amount ELSE 0 END) AS credited,
                                          SUM(CASE WHEN e.kind = 'PACKET_REFUND' THEN -e.amount ELSE 0 END) AS refunded
                                   FROM ledger_entry e
                                   WHERE e.account_kind = 'ESCROW' GROUP BY e.owner_id) l ON l.packet_id = p.packet_id
                        LEFT JOIN (SELECT packet_id, SUM(amount) AS credited FROM packet_claim
                                   WHERE credited_at IS NOT NULL GROUP BY packet_id) c ON c.packet_id = p.packet_id
                        WHERE p.funded_amount <> p.credited_amount + p.refunded_amount + COALESCE(a.balance, 0)
                           OR p.funded_amount <> COALESCE(l.funded, 0)
                           OR p.credited_amount <> COALESCE(l.credited, 0)
                           OR p.refunded_amount <> COALESCE(l.refunded, 0)
                           OR p.credited_amount <> COALESCE(c.credited, 0)
                        LIMIT :limit""")
                .param("limit", LIMIT)
                .query((rs, i) -> violations.add(new Violation("PACKET_FUNDED_EQUALS_CREDITED_REFUNDED_HELD",
                        "packet:" + rs.getLong(1), String.format(
                        "funded %d, credited %d, refunded %d, held %d; ledger: funded %d, credited %d, refunded %d;"
                                + " credited claims %d", rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)))))
                .list();
    }

    private void creditedClaimsWithoutTransaction(List<Violation> violations) {
        jdbc.sql("""
                        SELECT c.packet_id, c.seq FROM packet_claim c
                        LEFT JOIN ledger_txn t ON t.business_key = CONCAT('CLAIM:', c.packet_id, ':', c.seq)
                        WHERE c.credited_at IS NOT NULL AND t.id IS NULL LIMIT :limit""")
                .param("limit", LIMIT)
                .query((rs, i) -> violations.add(new Violation("CLAIM_CREDITED_ONCE",
                        "packet:" + rs.getLong(1) + ":" + rs.getInt(2), "marked credited without a ledger transaction")))
                .list();
    }

    /** What the event path should long have done: credits of funded packets, refunds of funded expired ones. */
    private void overdue(List<Violation> violations, String cutoff) {
        jdbc.sql("""
                        SELECT c.packet_id, c.seq, c.amount FROM packet_claim c JOIN packet_escrow p ON p.packet_id = c.packet_id
                        WHERE c.credited_at IS NULL AND c.created_at < :cutoff
                          AND p.funded_at IS NOT NULL AND p.cancelled_at IS NULL LIMIT :limit""")
                .param("cutoff", cutoff)
                .param("limit", LIMIT)
                .query((rs, i) -> violations.add(new Violation("FUNDED_CLAIM_CREDITED",
                        "packet:" + rs.getLong(1) + ":" + rs.getInt(2), rs.getLong(3) + " fen claimed, funded, not credited")))
                .list();
        jdbc.sql("""
                        SELECT packet_id, refund_due FROM packet_escrow
                        WHERE refunded_at IS NULL AND refund_due IS NOT NULL AND funded_at IS NOT NULL
                          AND cancelled_at IS NULL AND updated_at < :cutoff LIMIT :limit""")
                .param("cutoff", cutoff)
                .param("limit", LIMIT)
                .query((rs, i) -> violations.add(new Violation("EXPIRED_PACKET_REFUNDED", "packet:" + rs.getLong(1),
                        rs.getLong(2) + " fen due to the sender, not refunded")))
                .list();
    }
}
