package com.redpacket.settlement.wallet;

import com.redpacket.settlement.AbstractSettlementIT;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 200 concurrent credits (top-ups) and debits (packet debits through the API) on one wallet, with more debits than
 * the money can cover: the final balance is exact, every overdrawing debit was refused with nothing moved, and the
 * database itself refuses a negative wallet.
 */
class WalletConcurrencyIT extends AbstractSettlementIT {
    private static final long START = 1_000;
    private static final long CREDIT = 7;
    private static final long DEBIT = 30;

    @Test
    void twoHundredConcurrentCreditsAndDebitsLeaveTheExactBalanceAndNeverANegativeOne() throws Exception {
        long user = newId();
        topUp(user, START);
        List<Callable<Integer>> operations = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            operations.add(() -> {
                topUp(user, CREDIT);
                return 0;
            });
            long packet = newId();
            operations.add(() -> {
                Answer answer = http("POST", "/internal/wallets/" + user + "/packet-debits",
                        "{\"packetId\":" + packet + ",\"amount\":" + DEBIT + "}", null);
                if (answer.status() == 409) {
                    assertThat(answer.json().get("code").asString()).isEqualTo("INSUFFICIENT_BALANCE");
                    return 0;
                }
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                assertThat(answer.json().get("balanceAfter").asLong()).isNotNegative();
                return 1;
            });
        }
        Collections.shuffle(operations);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (Callable<Integer> op : operations) {
                results.add(pool.submit(() -> {
                    start.await();
                    return op.call();
                }));
            }
            start.countDown();
            int debited = 0;
            for (Future<Integer> result : results) {
                debited += result.get();
            }
            long expected = START + 100 * CREDIT - debited * DEBIT;
            assertThat(debited).as("the money covers at most this many debits").isLessThanOrEqualTo(
                    (int) ((START + 100 * CREDIT) / DEBIT));
            assertThat(debited).as("debits that found money were made").isGreaterThanOrEqualTo((int) (START / DEBIT));
            assertThat(balance(user)).isEqualTo(expected).isNotNegative();
            assertThat(count("SELECT COUNT(*) FROM ledger_entry e "
                    + "WHERE e.account_kind = 'WALLET' AND e.owner_id = ? AND e.kind = 'PACKET_SENT'", user)).isEqualTo(debited);
            assertThat(count("SELECT COUNT(*) FROM ledger_entry e "
                    + "WHERE e.account_kind = 'WALLET' AND e.owner_id = ? AND e.balance_after < 0", user)).isZero();
        }
        assertThatThrownBy(() -> jdbc.sql("UPDATE account SET balance = -1 WHERE kind = 'WALLET' AND owner_id = ?")
                .params(user).update())
                .as("the schema itself refuses a negative wallet")
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
