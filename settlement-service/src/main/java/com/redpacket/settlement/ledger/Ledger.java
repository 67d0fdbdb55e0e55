package com.redpacket.settlement.ledger;

import com.redpacket.platform.id.IdGenerator;
import com.redpacket.platform.jdbc.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Writes balanced transactions. A debit of a wallet or escrow is one conditional update
 * ({@code balance = balance - x WHERE balance >= x}), so concurrent debits can never overdraw without a read-then-write
 * lock, and the table's CHECK constraint is the last guard. Wallet and escrow updates hand the new balance back in the
 * same round trip ({@code LAST_INSERT_ID(expr)} travels in MySQL's OK packet as the generated key), so the row is locked
 * only for the update itself and the commit: bench/wallet/RESULTS.md measured this 1.4-1.6x the throughput of both
 * {@code SELECT ... FOR UPDATE} + update and update + read-back, on one hot wallet as on many. Entries name accounts by
 * their natural key (kind, owner), so no account id is ever looked up. Accounts are touched in {@link AccountRef}
 * order, the same in every transaction.
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
        String now = SqlTime.literal(Instant.now());
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
        for (Posting p : txn.postings()) {
            long after = p.amount() < 0 && p.account().kind().neverNegative()
                    ? debit(p.account(), -p.amount(), now)
                    : add(p.account(), p.amount(), now);
            entries.add(new PostedEntry(p.account(), p.amount(), after));
        }
        insertEntries(txnId, txn, entries, now);
        return Optional.of(entries);
    }

    /**
     * Posts {@code txns} in the caller's transaction in a few statements whatever their number, as {@link #post} would
     * one after the other: the transactions, one conditional debit per kind of account for everything the batch takes
     * from accounts that cannot go negative, one upsert per kind for everything else, one read of the new balances and
     * the entries. Transactions whose business key exists already move nothing (as in {@link #post}); the keys of
     * those that moved are returned. Throws {@link InsufficientFunds} if the batch would overdraw an account, at any
     * point of its order; the caller's transaction must then roll back.
     * <p>The caller must hold the locks that keep these business keys from being posted concurrently (a packet's
     * escrow row for its claims): a key posted by another transaction meanwhile fails the insert (duplicate key)
     * instead of being skipped. Within a kind, a batch locks the accounts it debits before the ones it credits;
     * kinds go in {@link AccountKind} order, as everywhere.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<String> postAll(List<LedgerTransaction> txns) {
        Set<String> keys = new LinkedHashSet<>();
        for (LedgerTransaction txn : txns) {
            if (!keys.add(txn.businessKey())) {
                throw new IllegalArgumentException("business key twice in one batch: " + txn.businessKey());
            }
        }
        keys.removeAll(posted(keys));
        List<LedgerTransaction> todo = txns.stream().filter(txn -> keys.contains(txn.businessKey())).toList();
        if (todo.isEmpty()) {
            return keys;
        }
        String now = SqlTime.literal(Instant.now());
        long[] txnIds = insertTransactions(todo, now);

        Map<AccountRef, Long> nets = new TreeMap<>();
        for (LedgerTransaction txn : todo) {
            for (Posting p : txn.postings()) {
                nets.merge(p.account(), p.amount(), Math::addExact);
            }
        }
        for (AccountKind kind : AccountKind.values()) {
            Map<Long, Long> debits = new TreeMap<>();
            Map<Long, Long> others = new TreeMap<>();
            nets.forEach((account, net) -> {
                if (account.kind() == kind) {
                    // a net of 0 goes through the upsert too: it creates and locks the account its entries name
                    (net < 0 && kind.neverNegative() ? debits : others).put(account.ownerId(), net);
                }
            });
            debitAll(kind, debits, now);
            addAll(kind, others, now);
        }

        Map<AccountRef, Long> running = new HashMap<>();
        balances(nets.keySet()).forEach((account, balance) -> running.put(account, balance - nets.get(account)));
        StringJoiner rows = new StringJoiner(", ");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < todo.size(); i++) {
            LedgerTransaction txn = todo.get(i);
            for (Posting p : txn.postings()) {
                long after = running.merge(p.account(), p.amount(), Math::addExact);
                if (after < 0 && p.account().kind().neverNegative()) {
                    throw new InsufficientFunds(p.account(), -p.amount());
                }
                rows.add("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
                params.addAll(List.of(ids.next(), txnIds[i], p.account().kind().name(), p.account().ownerId(),
                        p.amount(), after, txn.kind().name(), txn.refId(), now));
            }
        }
        jdbc.sql("INSERT INTO ledger_entry (id, txn_id, account_kind, owner_id, amount, balance_after, kind, ref_id, "
                        + "created_at) VALUES " + rows)
                .params(params)
                .update();
        return keys;
    }

    /** Which of {@code businessKeys} have been posted. */
    public Set<String> posted(Collection<String> businessKeys) {
        if (businessKeys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT business_key FROM ledger_txn WHERE business_key IN (:keys)")
                .param("keys", List.copyOf(businessKeys))
                .query(String.class)
                .list());
    }

    private long[] insertTransactions(List<LedgerTransaction> txns, String now) {
        long[] txnIds = new long[txns.size()];
        StringJoiner rows = new StringJoiner(", ");
        List<Object> params = new ArrayList<>(txns.size() * 5);
        for (int i = 0; i < txns.size(); i++) {
            LedgerTransaction txn = txns.get(i);
            txnIds[i] = ids.next();
            rows.add("(?, ?, ?, ?, ?)");
            params.addAll(List.of(txnIds[i], txn.businessKey(), txn.kind().name(), txn.refId(), now));
        }
        jdbc.sql("INSERT INTO ledger_txn (id, business_key, kind, ref_id, created_at) VALUES " + rows)
                .params(params)
                .update();
        return txnIds;
    }

    /** Takes {@code -net} from each of {@code kind}'s accounts by owner, all or none: one conditional update. */
    private void debitAll(AccountKind kind, Map<Long, Long> netsByOwner, String now) {
        if (netsByOwner.isEmpty()) {
            return;
        }
        StringBuilder amount = new StringBuilder("CASE owner_id");
        List<Object> caseParams = new ArrayList<>();
        netsByOwner.forEach((owner, net) -> {
            amount.append(" WHEN ? THEN ?");
            caseParams.add(owner);
            caseParams.add(-net);
        });
        amount.append(" END");
        List<Object> params = new ArrayList<>(caseParams);
        params.add(now);
        params.add(kind.name());
        params.addAll(netsByOwner.keySet());
        params.addAll(caseParams);
        int updated = jdbc.sql("UPDATE account SET balance = balance - " + amount + ", updated_at = ? "
                        + "WHERE kind = ? AND owner_id IN (" + placeholders(netsByOwner.size()) + ") AND balance >= "
                        + amount)
                .params(params)
                .update();
        if (updated != netsByOwner.size()) {
            // the accounts the update left alone (not stamped with this batch's time) are the ones short of money
            List<Long> untouched = jdbc.sql("SELECT owner_id FROM account WHERE kind = :kind AND owner_id IN (:owners) "
                            + "AND updated_at <> :now ORDER BY owner_id")
                    .param("kind", kind.name())
                    .param("owners", List.copyOf(netsByOwner.keySet()))
                    .param("now", now)
                    .query(Long.class)
                    .list();
            long owner = untouched.isEmpty() ? netsByOwner.keySet().iterator().next() : untouched.getFirst();
            throw new InsufficientFunds(new AccountRef(kind, owner), -netsByOwner.get(owner));
        }
    }

    /** Adds each (signed) net to {@code kind}'s account of its owner, creating it on first use: one upsert. */
    private void addAll(AccountKind kind, Map<Long, Long> netsByOwner, String now) {
        if (netsByOwner.isEmpty()) {
            return;
        }
        StringJoiner rows = new StringJoiner(", ");
        List<Object> params = new ArrayList<>(netsByOwner.size() * 5);
        netsByOwner.forEach((owner, net) -> {
            rows.add("(?, ?, ?, ?, ?)");
            params.addAll(List.of(kind.name(), owner, net, now, now));
        });
        // VALUES(col) rather than MySQL 8's row alias: MariaDB knows only the former
        jdbc.sql("INSERT INTO account (kind, owner_id, balance, created_at, updated_at) VALUES " + rows
                        + " ON DUPLICATE KEY UPDATE balance = balance + VALUES(balance), updated_at = VALUES(updated_at)")
                .params(params)
                .update();
    }

    /** The balances of {@code accounts}, which exist; read with the rows locked (they are, if this batch wrote them). */
    private Map<AccountRef, Long> balances(Collection<AccountRef> accounts) {
        Map<AccountKind, List<Long>> byKind = new TreeMap<>();
        accounts.forEach(a -> byKind.computeIfAbsent(a.kind(), k -> new ArrayList<>()).add(a.ownerId()));
        StringJoiner where = new StringJoiner(" OR ");
        List<Object> params = new ArrayList<>();
        byKind.forEach((kind, owners) -> {
            where.add("(kind = ? AND owner_id IN (" + placeholders(owners.size()) + "))");
            params.add(kind.name());
            params.addAll(owners);
        });
        Map<AccountRef, Long> balances = new HashMap<>();
        jdbc.sql("SELECT kind, owner_id, balance FROM account WHERE " + where + " FOR UPDATE")
                .params(params)
                .query(rs -> {
                    balances.put(new AccountRef(AccountKind.valueOf(rs.getString(1)), rs.getLong(2)), rs.getLong(3));
                });
        if (balances.size() != accounts.size()) {
            throw new IllegalStateException("posted to " + accounts.size() + " accounts, found " + balances.size());
        }
        return balances;
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
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

    private long debit(AccountRef account, long amount, String now) {
        KeyHolder newBalance = new GeneratedKeyHolder();
        int updated = jdbc.sql("""
                        UPDATE account SET balance = LAST_INSERT_ID(balance - :amount), updated_at = :now
                        WHERE kind = :kind AND owner_id = :owner AND balance >= :amount""")
                .param("amount", amount)
                .param("now", now)
                .param("kind", account.kind().name())
                .param("owner", account.ownerId())
                .update(newBalance);
        if (updated == 0) {
            throw new InsufficientFunds(account, amount);
        }
        return balanceFrom(newBalance);
    }

    /** Adds a (signed) amount; creates the account on first use. Only system accounts get negative amounts here. */
    private long add(AccountRef account, long amount, String now) {
        KeyHolder newBalance = new GeneratedKeyHolder();
        // LAST_INSERT_ID is unsigned: only balances that cannot be negative may travel through it
        String newValue = account.kind().neverNegative() ? "LAST_INSERT_ID(balance + :amount)" : "balance + :amount";
        int updated = jdbc.sql("UPDATE account SET balance = " + newValue + ", updated_at = :now "
                        + "WHERE kind = :kind AND owner_id = :owner")
                .param("amount", amount)
                .param("now", now)
                .param("kind", account.kind().name())
                .param("owner", account.ownerId())
                .update(newBalance);
        if (updated == 1 && account.kind().neverNegative()) {
            return balanceFrom(newBalance);
        }
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
        return balance(account);
    }

    /** The balance an update set through {@code LAST_INSERT_ID(expr)}; the driver reports 0 as "no key". */
    private static long balanceFrom(KeyHolder keys) {
        Number key = keys.getKey();
        return key == null ? 0 : key.longValue();
    }

    private void insertEntries(long txnId, LedgerTransaction txn, List<PostedEntry> entries, String now) {
        StringJoiner rows = new StringJoiner(", ");
        List<Object> params = new ArrayList<>();
        for (PostedEntry e : entries) {
            rows.add("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(List.of(ids.next(), txnId, e.account().kind().name(), e.account().ownerId(), e.amount(),
                    e.balanceAfter(), txn.kind().name(), txn.refId(), now));
        }
        jdbc.sql("INSERT INTO ledger_entry (id, txn_id, account_kind, owner_id, amount, balance_after, kind, ref_id, "
                        + "created_at) VALUES " + rows)
                .params(params)
                .update();
    }
}
