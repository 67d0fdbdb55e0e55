package com.redpacket.settlement.packet;

import com.redpacket.contracts.events.EventIds;
import com.redpacket.contracts.events.PacketCancelled;
import com.redpacket.contracts.events.PacketClaimed;
import com.redpacket.settlement.AbstractSettlementIT;
import com.redpacket.settlement.ledger.AccountKind;
import com.redpacket.settlement.ledger.AccountRef;
import com.redpacket.settlement.ledger.InsufficientFunds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.redpacket.settlement.packet.ClaimCreditingIT.claim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A consumer's batch of claims applied set-wise ({@link PacketSettlement#claimedAll}): on any mix of packets each claim
 * ends as it would alone (credited, waiting for the funding, void, short, or a known share left as it was), each
 * wallet and escrow entry carries the balance right after it, a failing debit leaves nothing behind, and batches of
 * two consumers that share receivers, racing the fundings, credit every claim once.
 */
class BatchCreditingIT extends AbstractSettlementIT {
    @Autowired
    PacketSettlement settlement;

    @Test
    void aBatchOnManyPacketsEndsAsEachClaimWouldAlone() {
        long sender = newId();
        long shared = newId();
        long funded = newId();
        long shortOne = newId();
        long unfunded = newId();
        long cancelled = newId();
        long known = newId();
        long[] r = {newId(), newId(), newId(), newId(), newId()};
        long stranger = newId();
        tx.executeWithoutResult(s -> {
            settlement.paidByWeChat(funded, sender, 1_000, "wx-" + funded);
            settlement.paidByWeChat(shortOne, sender, 300, "wx-" + shortOne);
            settlement.paidByWeChat(known, sender, 500, "wx-" + known);
            settlement.cancelled(PacketCancelled.of(cancelled, sender, 100, 1, Instant.now()));
            settlement.claimed(claim(known, sender, 1, r[0], 200));
        });

        List<PacketClaimed> batch = List.of(
                claim(funded, sender, 1, shared, 400), claim(funded, sender, 2, r[1], 350),
                claim(shortOne, sender, 1, shared, 100), claim(shortOne, sender, 2, r[2], 150),
                claim(shortOne, sender, 3, r[3], 100), // 50 fen left: less than the share
                claim(unfunded, sender, 1, r[4], 60),
                claim(cancelled, sender, 1, r[4], 70),
                claim(known, sender, 1, r[0], 200), // the same claim again
                new PacketClaimed(EventIds.random(), Instant.now(), 1, known, sender, 1, stranger, 200,
                        Instant.now()), // another claim on a known share: the first stands
                claim(known, sender, 2, shared, 250),
                claim(known, sender, 2, shared, 250)); // twice in one batch
        apply(batch);

        assertThat(balance(shared)).isEqualTo(400 + 100 + 250);
        assertThat(balance(r[0])).isEqualTo(200);
        assertThat(balance(r[1])).isEqualTo(350);
        assertThat(balance(r[2])).isEqualTo(150);
        assertThat(balance(r[3])).as("short: left for ops").isZero();
        assertThat(balance(r[4])).as("unfunded waits, cancelled is void").isZero();
        assertThat(balance(stranger)).isZero();
        assertThat(ledger.balance(AccountRef.escrow(funded))).isEqualTo(250);
        assertThat(ledger.balance(AccountRef.escrow(shortOne))).isEqualTo(50);
        assertThat(ledger.balance(AccountRef.escrow(known))).isEqualTo(50);
        assertThat(credited(funded)).containsExactly(1, 2);
        assertThat(credited(shortOne)).containsExactly(1, 2);
        assertThat(credited(known)).containsExactly(1, 2);
        assertThat(count("SELECT COUNT(*) FROM packet_claim WHERE packet_id IN (?, ?, ?, ?)", shortOne, unfunded,
                cancelled, known)).as("every share recorded once").isEqualTo(3 + 1 + 1 + 2);
        assertThat(count("SELECT COUNT(*) FROM packet_escrow WHERE packet_id = ? AND sender_id = ?", unfunded, sender))
                .isEqualTo(1);
        assertThat(count("SELECT credited_amount FROM packet_escrow WHERE packet_id = ?", funded)).isEqualTo(750);
        assertThat(count("SELECT credited_amount FROM packet_escrow WHERE packet_id = ?", known)).isEqualTo(450);
        assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'ClaimCredited' AND msg_key IN (?, ?, ?)",
                Long.toString(funded), Long.toString(shortOne), Long.toString(known))).isEqualTo(2 + 2 + 2);
        assertChained("WALLET", shared, 3); // one wallet credited on three packets in one batch
        assertChained("ESCROW", funded, 3);
        assertChained("ESCROW", known, 3);

        apply(batch);
        assertThat(balance(shared)).as("the batch again changes nothing").isEqualTo(750);
        // ops settle the short share by hand (here: take it out, leaving the 50 fen held)
        jdbc.sql("DELETE FROM packet_claim WHERE packet_id = ? AND seq = 3").params(shortOne).update();

        tx.executeWithoutResult(s -> settlement.paidByWeChat(unfunded, sender, 60, "wx-" + unfunded));
        assertThat(balance(r[4])).as("the funding credits the claim that waited").isEqualTo(60);
    }

    @Test
    void aDebitThatFailsLeavesNoneOfTheBatchBehind() {
        long sender = newId();
        long p1 = newId();
        long p2 = newId();
        long a = newId();
        long b = newId();
        tx.executeWithoutResult(s -> {
            settlement.paidByWeChat(p1, sender, 200, "wx-" + p1);
            settlement.paidByWeChat(p2, sender, 100, "wx-" + p2);
        });
        // the escrow's account holds less than its packet's record says (as a bug elsewhere would leave it)
        jdbc.sql("UPDATE account SET balance = balance - 150 WHERE kind = 'ESCROW' AND owner_id = ?").params(p1)
                .update();
        List<PacketClaimed> batch = List.of(claim(p1, sender, 1, a, 120), claim(p2, sender, 1, b, 100));
        try {
            assertThatThrownBy(() -> apply(batch)).isInstanceOfSatisfying(InsufficientFunds.class,
                    e -> assertThat(e.account()).isEqualTo(AccountRef.escrow(p1)));
            assertThat(balance(a)).isZero();
            assertThat(balance(b)).isZero();
            assertThat(count("SELECT COUNT(*) FROM packet_claim WHERE packet_id IN (?, ?)", p1, p2)).isZero();
            assertThat(count("SELECT COUNT(*) FROM ledger_txn WHERE kind = 'PACKET_GRABBED' AND ref_id IN (?, ?)",
                    p1, p2)).isZero();
        } finally {
            jdbc.sql("UPDATE account SET balance = balance + 150 WHERE kind = 'ESCROW' AND owner_id = ?").params(p1)
                    .update();
        }
        apply(batch);
        assertThat(balance(a)).isEqualTo(120);
        assertThat(balance(b)).isEqualTo(100);
    }

    @Test
    void twoConsumersBatchesSharingReceiversAndRacingTheFundingsCreditEveryClaimOnce() throws Exception {
        int packets = 60;
        int shares = 5;
        long sender = newId();
        List<Long> receivers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            receivers.add(newId());
        }
        List<List<PacketClaimed>> batches = new ArrayList<>();
        List<Runnable> fundings = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int consumer = 0; consumer < 2; consumer++) {
            List<PacketClaimed> all = new ArrayList<>();
            for (int p = 0; p < packets / 2; p++) {
                long packet = newId();
                ids.add(packet);
                fundings.add(() -> tx.executeWithoutResult(s ->
                        settlement.paidByWeChat(packet, sender, shares * 10L, "wx-" + packet)));
                List<Long> who = new ArrayList<>(receivers);
                Collections.shuffle(who);
                for (int seq = 1; seq <= shares; seq++) {
                    all.add(claim(packet, sender, seq, who.get(seq), 10));
                }
            }
            Collections.shuffle(all);
            for (int from = 0; from < all.size(); from += 25) {
                batches.add(all.subList(from, Math.min(all.size(), from + 25)));
            }
        }
        List<Runnable> consumers = new ArrayList<>();
        int half = batches.size() / 2;
        consumers.add(() -> batches.subList(0, half).forEach(this::apply));
        consumers.add(() -> batches.subList(half, batches.size()).forEach(this::apply));
        consumers.add(() -> fundings.forEach(Runnable::run));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(consumers.size())) {
            for (Runnable c : consumers) {
                done.add(pool.submit(() -> {
                    start.await();
                    c.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }
        for (long packet : ids) {
            assertThat(credited(packet)).as("packet " + packet).hasSize(shares);
            assertThat(ledger.balance(AccountRef.escrow(packet))).isZero();
        }
        long total = receivers.stream().mapToLong(this::balance).sum();
        assertThat(total).isEqualTo(packets * shares * 10L);
    }

    private void apply(List<PacketClaimed> batch) {
        tx.executeWithoutResult(s -> settlement.claimedAll(batch.stream().map(settlement::pending).toList()));
    }

    private List<Integer> credited(long packet) {
        List<Integer> seqs = jdbc.sql("""
                        SELECT c.seq FROM packet_claim c JOIN ledger_txn t ON t.business_key = CONCAT('CLAIM:', c.packet_id, ':', c.seq)
                        WHERE c.packet_id = ? AND c.credited_at IS NOT NULL ORDER BY c.seq""")
                .params(packet).query(Integer.class).list();
        return seqs;
    }

    /** Each of the account's entries carries the balance right after it: the one before plus its amount. */
    private void assertChained(String kind, long owner, int entries) {
        List<long[]> rows = jdbc.sql("""
                        SELECT amount, balance_after FROM ledger_entry WHERE account_kind = ? AND owner_id = ?
                        ORDER BY id""")
                .params(kind, owner).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        assertThat(rows).hasSize(entries);
        long balance = 0;
        for (long[] row : rows) {
            balance += row[0];
            assertThat(row[1]).as(kind + " " + owner + " after an entry of " + row[0]).isEqualTo(balance);
        }
        assertThat(balance).isEqualTo(ledger.balance(new AccountRef(
                AccountKind.valueOf(kind), owner)));
    }
}
