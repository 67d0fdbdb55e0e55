package com.redpacket.settlement.packet;

import com.redpacket.contracts.events.DomainEvent;
import com.redpacket.contracts.events.PacketClaimed;
import com.redpacket.contracts.events.PaymentSucceeded;
import com.redpacket.settlement.AbstractSettlementIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.redpacket.settlement.packet.ClaimCreditingIT.claim;
import static com.redpacket.settlement.packet.ClaimCreditingIT.wechatPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Claimed" and "funded" of the same packets processed at the same moment by different threads: every claim credited
 * exactly once, none lost, whichever transaction takes the packet's lock first.
 */
class ConcurrentClaimsAndFundingIT extends AbstractSettlementIT {
    private static final int PACKETS = 40;
    private static final int SHARES = 5;
    private static final long SHARE = 100;

    @Autowired
    PacketSettlement settlement;

    @Test
    void claimsAndPaymentsRacingThroughTheTopicsAreAllCreditedOnce() throws Exception {
        List<DomainEvent> claims = new ArrayList<>();
        List<DomainEvent> payments = new ArrayList<>();
        List<Long> receivers = new ArrayList<>();
        List<Long> packets = new ArrayList<>();
        for (int p = 0; p < PACKETS; p++) {
            long packet = newId();
            long sender = newId();
            packets.add(packet);
            payments.add(wechatPayment(packet, sender, SHARES * SHARE));
            for (int seq = 1; seq <= SHARES; seq++) {
                long receiver = newId();
                receivers.add(receiver);
                claims.add(claim(packet, sender, seq, receiver, SHARE));
            }
        }
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<?> claimer = pool.submit(() -> publishAll(start, claims));
            Future<?> payer = pool.submit(() -> publishAll(start, payments));
            start.countDown();
            claimer.get();
            payer.get();
        }
        for (long receiver : receivers) {
            awaitBalance(receiver, SHARE);
        }
        for (long packet : packets) {
            assertCreditedOnce(packet);
        }
    }

    @Test
    void claimsAndFundingsCalledFromManyThreadsAtOnceLoseNoCredit() throws Exception {
        List<Runnable> steps = new ArrayList<>();
        List<Long> receivers = new ArrayList<>();
        List<Long> packets = new ArrayList<>();
        for (int p = 0; p < PACKETS; p++) {
            long packet = newId();
            long sender = newId();
            packets.add(packet);
            PaymentSucceeded paid = wechatPayment(packet, sender, SHARES * SHARE);
            steps.add(() -> tx.executeWithoutResult(s ->
                    settlement.paidByWeChat(packet, sender, paid.amount(), paid.transactionId())));
            for (int seq = 1; seq <= SHARES; seq++) {
                long receiver = newId();
                receivers.add(receiver);
                PacketClaimed claimed = claim(packet, sender, seq, receiver, SHARE);
                steps.add(() -> tx.executeWithoutResult(s -> settlement.claimed(claimed)));
            }
        }
        Collections.shuffle(steps);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Runnable step : steps) {
                done.add(pool.submit(() -> {
                    start.await();
                    step.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }
        for (long receiver : receivers) {
            assertThat(balance(receiver)).isEqualTo(SHARE);
        }
        for (long packet : packets) {
            assertCreditedOnce(packet);
        }
    }

    private void publishAll(CountDownLatch start, List<DomainEvent> events) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (DomainEvent event : events) {
            publishTwice(event);
        }
    }

    private void assertCreditedOnce(long packet) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(count(
                "SELECT COUNT(*) FROM outbox_event WHERE event_type = 'ClaimCredited' AND msg_key = ?",
                Long.toString(packet))).isEqualTo(SHARES));
        assertThat(count("SELECT COUNT(*) FROM ledger_txn WHERE kind = 'PACKET_GRABBED' AND ref_id = ?", packet))
                .isEqualTo(SHARES);
        assertThat(count("SELECT credited_amount FROM packet_escrow WHERE packet_id = ?", packet))
                .isEqualTo(SHARES * SHARE);
    }
}
