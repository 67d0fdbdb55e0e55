package com.redpacket.settlement.ledger;

import com.redpacket.settlement.AbstractSettlementIT;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Posting on the real database: balances read back in the update's own round trip, keys that make repeats no-ops. */
class LedgerIT extends AbstractSettlementIT {

    @Test
    void eachEntryCarriesItsAccountsExactBalanceIncludingZeroAndNegativeOnes() {
        long user = newId();
        long packet = newId();
        List<PostedEntry> in = tx.execute(s -> {
            List<PostedEntry> entries = ledger.post(LedgerTransaction.transfer("TEST-IN:" + user, TxnKind.TOPUP, user,
                    AccountRef.WECHAT_CLEARING, AccountRef.wallet(user), 500)).orElseThrow();
            assertThat(entries.getFirst().balanceAfter()).as("the clearing account, negative by nature")
                    .isEqualTo(ledger.balance(AccountRef.WECHAT_CLEARING)).isNegative();
            return entries;
        });
        assertThat(in.get(1).balanceAfter()).isEqualTo(500);

        List<PostedEntry> out = tx.execute(s -> ledger.post(LedgerTransaction.transfer("TEST-OUT:" + user,
                TxnKind.PACKET_SENT, packet, AccountRef.wallet(user), AccountRef.escrow(packet), 500)).orElseThrow());
        assertThat(out).extracting(PostedEntry::account, PostedEntry::balanceAfter).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AccountRef.escrow(packet), 500L),
                org.assertj.core.groups.Tuple.tuple(AccountRef.wallet(user), 0L));
        assertThat(count("SELECT balance_after FROM ledger_entry WHERE account_kind = 'WALLET' AND owner_id = ? "
                + "AND amount = -500", user)).as("as stored").isZero();
        assertThat(balance(user)).isZero();
    }

    @Test
    void aRepeatedBusinessKeyMovesNothing() {
        long user = newId();
        LedgerTransaction topUp = LedgerTransaction.transfer("TEST-ONCE:" + user, TxnKind.TOPUP, user,
                AccountRef.WECHAT_CLEARING, AccountRef.wallet(user), 70);
        Optional<List<PostedEntry>> first = tx.execute(s -> ledger.post(topUp));
        assertThat(first).isPresent();
        Optional<List<PostedEntry>> again = tx.execute(s -> ledger.post(topUp));
        assertThat(again).isEmpty();
        assertThat(balance(user)).isEqualTo(70);
    }

    @Test
    void anOverdraftThrowsAndTheWholeTransactionRollsBack() {
        long user = newId();
        long packet = newId();
        topUp(user, 40);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> ledger.post(LedgerTransaction.transfer("TEST-OD:" + user,
                TxnKind.PACKET_SENT, packet, AccountRef.wallet(user), AccountRef.escrow(packet), 41))))
                .isInstanceOfSatisfying(InsufficientFunds.class,
                        e -> assertThat(e.account()).isEqualTo(AccountRef.wallet(user)));
        assertThat(balance(user)).isEqualTo(40);
        assertThat(count("SELECT COUNT(*) FROM ledger_txn WHERE business_key = ?", "TEST-OD:" + user)).isZero();
        assertThat(ledger.balance(AccountRef.escrow(packet))).isZero();
    }

    @Test
    void aBatchPostsAsItsTransactionsWouldOneAfterAnotherAndSkipsKnownKeys() {
        long a = newId();
        long b = newId();
        long packet = newId();
        LedgerTransaction known = LedgerTransaction.transfer("TEST-KNOWN:" + a, TxnKind.TOPUP, a,
                AccountRef.WECHAT_CLEARING, AccountRef.wallet(a), 1_000);
        tx.executeWithoutResult(s -> ledger.post(known));
        List<LedgerTransaction> batch = List.of(
                LedgerTransaction.transfer("TEST-B1:" + a, TxnKind.TOPUP, a, AccountRef.WECHAT_CLEARING,
                        AccountRef.wallet(a), 500),
                known,
                LedgerTransaction.transfer("TEST-B2:" + a, TxnKind.PACKET_SENT, packet, AccountRef.wallet(a),
                        AccountRef.escrow(packet), 1_200),
                LedgerTransaction.transfer("TEST-B3:" + a, TxnKind.PACKET_GRABBED, packet, AccountRef.escrow(packet),
                        AccountRef.wallet(b), 700),
                LedgerTransaction.transfer("TEST-B4:" + a, TxnKind.PACKET_GRABBED, packet, AccountRef.escrow(packet),
                        AccountRef.wallet(a), 100));

        Set<String> moved = tx.execute(s -> ledger.postAll(batch));

        assertThat(moved).containsExactlyInAnyOrder("TEST-B1:" + a, "TEST-B2:" + a, "TEST-B3:" + a, "TEST-B4:" + a);
        assertThat(balance(a)).isEqualTo(1_000 + 500 - 1_200 + 100);
        assertThat(balance(b)).isEqualTo(700);
        assertThat(ledger.balance(AccountRef.escrow(packet))).isEqualTo(400);
        assertThat(balancesAfter("WALLET", a)).as("each entry's balance right after it, in posting order")
                .containsExactly(1_000L, 1_500L, 300L, 400L);
        assertThat(balancesAfter("ESCROW", packet)).containsExactly(1_200L, 500L, 400L);
        assertThat(balancesAfter("WALLET", b)).containsExactly(700L);
        assertThat((Set<String>) tx.execute(s -> ledger.postAll(batch))).as("the same batch again moves nothing").isEmpty();
        assertThat(balance(a)).isEqualTo(400);
    }

    @Test
    void aBatchThatWouldOverdrawAnAccountAtAnyPointMovesNothing() {
        long user = newId();
        long p1 = newId();
        long p2 = newId();
        topUp(user, 40);
        List<LedgerTransaction> tooMuch = List.of(
                LedgerTransaction.transfer("TEST-BOD1:" + user, TxnKind.PACKET_SENT, p1, AccountRef.wallet(user),
                        AccountRef.escrow(p1), 30),
                LedgerTransaction.transfer("TEST-BOD2:" + user, TxnKind.PACKET_SENT, p2, AccountRef.wallet(user),
                        AccountRef.escrow(p2), 20));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> ledger.postAll(tooMuch)))
                .isInstanceOfSatisfying(InsufficientFunds.class,
                        e -> assertThat(e.account()).isEqualTo(AccountRef.wallet(user)));

        // in total the wallet ends where it started, but the first transaction would take it below zero
        List<LedgerTransaction> outBeforeIn = List.of(
                LedgerTransaction.transfer("TEST-BOD3:" + user, TxnKind.PACKET_SENT, p1, AccountRef.wallet(user),
                        AccountRef.escrow(p1), 50),
                LedgerTransaction.transfer("TEST-BOD4:" + user, TxnKind.PACKET_GRABBED, p1, AccountRef.escrow(p1),
                        AccountRef.wallet(user), 50));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> ledger.postAll(outBeforeIn)))
                .isInstanceOfSatisfying(InsufficientFunds.class,
                        e -> assertThat(e.account()).isEqualTo(AccountRef.wallet(user)));

        assertThat(balance(user)).isEqualTo(40);
        assertThat(ledger.balance(AccountRef.escrow(p1))).isZero();
        assertThat(ledger.balance(AccountRef.escrow(p2))).isZero();
        assertThat(count("SELECT COUNT(*) FROM ledger_txn WHERE business_key LIKE ?", "TEST-BOD%:" + user)).isZero();
    }

    private List<Long> balancesAfter(String kind, long owner) {
        return jdbc.sql("SELECT balance_after FROM ledger_entry WHERE account_kind = ? AND owner_id = ? ORDER BY id")
                .params(kind, owner).query(Long.class).list();
    }
}
