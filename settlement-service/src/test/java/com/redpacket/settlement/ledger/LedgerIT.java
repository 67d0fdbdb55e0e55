package com.redpacket.settlement.ledger;

import com.redpacket.settlement.AbstractSettlementIT;
import org.junit.jupiter.api.Test;

import java.util.List;
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
}
