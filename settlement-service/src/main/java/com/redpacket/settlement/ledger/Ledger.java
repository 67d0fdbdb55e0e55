package com.redpacket.settlement.ledger;

import com.redpacket.platform.id.IdGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Writes balanced transactions. A debit of a wallet or escrow is one conditional update
 * ({@code balance = balance - x WHERE balance >= x}), so concurrent debits can never overdraw and need no read-then-write
 * lock (bench/wallet/RESULTS.md measured it against {@code SELECT ... FOR UPDATE}); the table's CHECK constraint is the
 * last guard. Accounts are touched in {@link AccountRef} order, the same in every transaction.
 */
@Repository
public class Ledger {
    private final JdbcClient jdbc;
    private final IdGenerator ids;

    public Ledger(JdbcClient jdbc, IdGenerator ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /**
     * Posts {@code txn} in the caller's transaction. Empty if a transaction with its business key already exists (the
     * step happened before: nothing moves again). Throws {@link InsufficientFunds} if a debit would overdraw; the
     * caller's transaction must then roll back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<List<PostedEntry>> post(LedgerTransaction txn) {
        long txnId = ids.next();
        Timestamp now = Timestamp.from(Instant.now());
        int inserted = jdbc.sql("""
                        INSERT IGNORE INTO ledger_txn (id, business_key, kind, ref_id, created_at)
                        VALUES (:id, :key, :kind, :ref, :now)""")
                .param("id", txnId)
                .param("key", txn.businessKey())
                .param("kind", txn.kind().name())
                .param("ref", txn.refId())
                .param("now", now)
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        List<PostedEntry> entries = new ArrayList<>(txn.postings().size());
        List<Long> accountIds = new ArrayList<>(txn.postings().size());
        for (Posting p : txn.postings()) {
            Balance after = p.amount() < 0 && p.account().kind().neverNegative()
                    ? debit(p.account(), -p.amount(), now)
                    : add(p.account(), p.amount(), now);
            entries.add(new PostedEntry(p.account(), p.amount(), after.balance()));
            accountIds.add(after.accountId());
        }
        insertEntries(txnId, txn, entries, accountIds, now);
        return Optional.of(entries);
    }

    /** The current balance; 0 for an account that does not exist yet. */
    public long balance(AccountRef account) {
        return jdbc.sql("SELECT balance FROM account WHERE kind = :kind AND owner_id = :owner")
                .param("kind", account.kind().name())
                .param("owner", account.ownerId())
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    private Balance debit(AccountRef account, long amount, Timestamp now) {
        int updated = jdbc.sql("""
                        UPDATE account SET balance = balance - :amount, updated_at = :now
                        WHERE kind = :kind AND owner_id = :owner AND balance >= :amount""")
                .param("amount", amount)
                .param("now", now)
                .param("kind", account.kind().name())
                .param("owner", account.ownerId())
                .update();
        if (updated == 0) {
            throw new InsufficientFunds(account, amount);
        }
        return read(account);
    }

    /** Adds a (signed) amount; creates the account on first use. Only system accounts get negative amounts here. */
    private Balance add(AccountRef account, long amount, Timestamp now) {
        int updated = jdbc.sql("""
                        UPDATE account SET balance = balance + :amount, updated_at = :now
                        WHERE kind = :kind AND owner_id = :owner""")
                .param("amount", amount)
                .param("now", now)
                .param("kind", account.kind().name())
                .param("owner", account.ownerId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO account (kind, owner_id, balance, created_at, updated_at)
                            VALUES (:kind, :owner, :amount, :now, :now)
                            ON DUPLICATE KEY UPDATE balance = balance + :amount, updated_at = :now""")
                    .param("amount", amount)
                    .param("now", now)
                    .param("kind", account.kind().name())
                    .param("owner", account.ownerId())
                    .update();
        }
        return read(account);
    }

    /** Reads back the row this transaction just changed (and holds locked): its id and exact new balance. */
    private Balance read(AccountRef account) {
        return jdbc.sql("SELECT id, balance FROM account WHERE kind = :kind AND owner_id = :owner")
                .param("kind", account.kind().name())
                .param("owner", account.ownerId())
                .query((rs, i) -> new Balance(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    private void insertEntries(long txnId, LedgerTransaction txn, List<PostedEntry> entries, List<Long> accountIds,
                               Timestamp now) {
        StringJoiner rows = new StringJoiner(", ");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            rows.add("(?, ?, ?, ?, ?, ?, ?, ?)");
            PostedEntry e = entries.get(i);
            params.addAll(List.of(ids.next(), txnId, accountIds.get(i), e.amount(), e.balanceAfter(), txn.kind().name(),
                    txn.refId(), now));
        }
        jdbc.sql("INSERT INTO ledger_entry (id, txn_id, account_id, amount, balance_after, kind, ref_id, created_at) VALUES "
                        + rows)
                .params(params)
                .update();
    }

    private record Balance(long accountId, long balance) {
    }
}
