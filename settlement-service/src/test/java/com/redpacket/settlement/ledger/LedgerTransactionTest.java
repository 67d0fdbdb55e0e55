package com.redpacket.settlement.ledger;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerTransactionTest {

    @Test
    void aTransferIsTwoPostingsSummingToZeroInLockOrder() {
        LedgerTransaction t = LedgerTransaction.transfer("CLAIM:1:1", TxnKind.PACKET_GRABBED, 1,
                AccountRef.wallet(5), AccountRef.WECHAT_CLEARING, 30);
        assertThat(t.postings()).extracting(Posting::account)
                .as("system accounts before escrows before wallets, whatever the direction")
                .containsExactly(AccountRef.WECHAT_CLEARING, AccountRef.wallet(5));
        assertThat(t.postings()).extracting(Posting::amount).containsExactly(30L, -30L);
    }

    @Test
    void accountsOfOneKindAreOrderedByOwner() {
        LedgerTransaction t = new LedgerTransaction("X", TxnKind.PACKET_GRABBED, 1, List.of(
                new Posting(AccountRef.wallet(9), 1), new Posting(AccountRef.escrow(3), -3),
                new Posting(AccountRef.wallet(2), 2)));
        assertThat(t.postings()).extracting(Posting::account)
                .containsExactly(AccountRef.escrow(3), AccountRef.wallet(2), AccountRef.wallet(9));
    }

    @Test
    void unbalancedEmptyOrZeroTransactionsAreRefused() {
        assertThatThrownBy(() -> new LedgerTransaction("X", TxnKind.TOPUP, 1, List.of(
                new Posting(AccountRef.wallet(1), 10), new Posting(AccountRef.WECHAT_CLEARING, -9))))
                .hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> new LedgerTransaction("X", TxnKind.TOPUP, 1,
                List.of(new Posting(AccountRef.wallet(1), 0), new Posting(AccountRef.wallet(2), 0))))
                .hasMessageContaining("zero posting");
        assertThatThrownBy(() -> new LedgerTransaction("X", TxnKind.TOPUP, 1, List.of(new Posting(AccountRef.wallet(1), 5))))
                .hasMessageContaining("two postings");
        assertThatThrownBy(() -> new LedgerTransaction(" ", TxnKind.TOPUP, 1, List.of()))
                .hasMessageContaining("business key");
    }

    @Test
    void aTransferMovesAPositiveAmountBetweenTwoAccounts() {
        assertThatThrownBy(() -> LedgerTransaction.transfer("K", TxnKind.TOPUP, 1, AccountRef.WECHAT_CLEARING,
                AccountRef.wallet(1), 0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> LedgerTransaction.transfer("K", TxnKind.TOPUP, 1, AccountRef.WECHAT_CLEARING,
                AccountRef.wallet(1), -5)).hasMessageContaining("positive");
        assertThatThrownBy(() -> LedgerTransaction.transfer("K", TxnKind.TOPUP, 1, AccountRef.wallet(1),
                AccountRef.wallet(1), 5)).hasMessageContaining("two different accounts");
    }

    @Test
    void overflowingPostingsAreRefusedRatherThanWrapped() {
        assertThatThrownBy(() -> new LedgerTransaction("X", TxnKind.TOPUP, 1, List.of(
                new Posting(AccountRef.wallet(1), Long.MAX_VALUE), new Posting(AccountRef.wallet(2), Long.MAX_VALUE),
                new Posting(AccountRef.WECHAT_CLEARING, 2))))
                .isInstanceOf(ArithmeticException.class);
    }
}
