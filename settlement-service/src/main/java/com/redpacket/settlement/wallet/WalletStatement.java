package com.redpacket.settlement.wallet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/** Reads a user's wallet: the balance and the entries, newest first, by keyset on the entry id. */
@Repository
public class WalletStatement {
    private final JdbcClient jdbc;

    public WalletStatement(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public WalletBalance balance(long userId) {
        long balance = jdbc.sql("SELECT balance FROM account WHERE kind = 'WALLET' AND owner_id = :u")
                .param("u", userId)
                .query(Long.class)
                .optional()
                .orElse(0L);
        return new WalletBalance(Long.toString(userId), balance);
    }

    public WalletEntriesPage entries(long userId, int limit, String cursor) {
        long below = EntryCursor.parse(cursor);
        List<WalletEntry> rows = jdbc.sql("""
                        SELECT e.id, e.amount, e.kind, e.ref_id, e.created_at
                        FROM ledger_entry e
                        WHERE e.account_kind = 'WALLET' AND e.owner_id = :u AND e.id < :below
                        ORDER BY e.id DESC LIMIT :n""")
                .param("u", userId)
                .param("below", below)
                .param("n", limit + 1)
                .query((rs, i) -> new WalletEntry(Long.toString(rs.getLong(1)), rs.getLong(2), rs.getString(3),
                        Long.toString(rs.getLong(4)), rs.getTimestamp(5).toInstant()))
                .list();
        if (rows.size() <= limit) {
            return new WalletEntriesPage(rows, null);
        }
        List<WalletEntry> page = rows.subList(0, limit);
        return new WalletEntriesPage(List.copyOf(page), EntryCursor.after(Long.parseLong(page.getLast().id())));
    }
}
