package com.redpacket.settlement.packet;

import com.redpacket.contracts.events.EventIds;
import com.redpacket.contracts.events.PacketCancelled;
import com.redpacket.contracts.events.PacketClaimed;
import com.redpacket.contracts.events.PacketExpired;
import com.redpacket.contracts.events.PaymentPurpose;
import com.redpacket.contracts.events.PaymentSucceeded;
import com.redpacket.contracts.events.RefundSucceeded;
import com.redpacket.settlement.AbstractSettlementIT;
import com.redpacket.settlement.ledger.AccountRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The events, as packet-service and payment-service publish them, through the real topics and listeners: every event
 * delivered twice, in every order that can happen, and each claim credited exactly once.
 */
class ClaimCreditingIT extends AbstractSettlementIT {

    @Test
    void claimsBeforeTheWeChatPaymentAreCreditedWhenItArrives() {
        long packet = newId();
        long sender = newId();
        long a = newId();
        long b = newId();
        publishTwice(claim(packet, sender, 1, a, 100), claim(packet, sender, 2, b, 250));
        await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM packet_claim WHERE packet_id = ?", packet) == 2);
        assertThat(balance(a)).as("claimed but not funded: nothing credited yet").isZero();

        publishTwice(wechatPayment(packet, sender, 350));
        awaitBalance(a, 100);
        awaitBalance(b, 250);
        assertCreditedOnce(packet, 2);
        assertThat(ledger.balance(AccountRef.escrow(packet))).isZero();
    }

    @Test
    void claimsAfterABalanceDebitAreCreditedAsTheyArrive() {
        long packet = newId();
        long sender = newId();
        long a = newId();
        topUp(sender, 1_000);
        Answer debit = http("POST", "/internal/wallets/" + sender + "/packet-debits",
                "{\"packetId\":" + packet + ",\"amount\":300}", null);
        assertThat(debit.status()).isEqualTo(200);

        publishTwice(claim(packet, sender, 1, a, 120));
        awaitBalance(a, 120);
        assertThat(balance(sender)).isEqualTo(700);
        assertThat(ledger.balance(AccountRef.escrow(packet))).isEqualTo(180);
        assertCreditedOnce(packet, 1);
    }

    @Test
    void anExpiryBeforeTheFundingRefundsOnceTheMoneyIsThere() {
        long packet = newId();
        long sender = newId();
        long a = newId();
        publishTwice(claim(packet, sender, 1, a, 70),
                PacketExpired.of(packet, sender, 100, 1, 30, Instant.now()));
        await().atMost(PATIENCE).until(() -> count(
                "SELECT COUNT(*) FROM packet_escrow WHERE packet_id = ? AND refund_due = 30", packet) == 1);
        assertThat(balance(sender)).as("an unfunded packet has nothing to refund").isZero();

        publishTwice(wechatPayment(packet, sender, 100));
        awaitBalance(a, 70);
        awaitBalance(sender, 30);
        assertCreditedOnce(packet, 1);
        assertThat(count("SELECT COUNT(*) FROM ledger_txn WHERE business_key = ?", "REFUND:" + packet)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'PacketRefunded' AND msg_key = ?",
                Long.toString(packet))).isEqualTo(1);
        assertThat(ledger.balance(AccountRef.escrow(packet))).isZero();
    }

    @Test
    void anExpiryAfterTheFundingRefundsExactlyTheUnclaimedAmountOnce() {
        long packet = newId();
        long sender = newId();
        long a = newId();
        publishTwice(wechatPayment(packet, sender, 500), claim(packet, sender, 1, a, 200),
                PacketExpired.of(packet, sender, 500, 2, 300, Instant.now()));
        awaitBalance(a, 200);
        awaitBalance(sender, 300);
        // a re-emitted expiry (a new event id for the same fact) moves nothing: the business key holds
        PacketExpired again = new PacketExpired(EventIds.random(), Instant.now(), 1, packet, sender, 500, 2, 300);
        publish(again);
        awaitProcessed(again.eventId());
        assertThat(count("SELECT COUNT(*) FROM ledger_txn WHERE ref_id = ?", packet)).isEqualTo(3);
        assertThat(balance(sender)).isEqualTo(300);
    }

    @Test
    void aCancelledPacketsClaimsAreNeverCreditedAndLateMoneyGoesBackToThePayer() {
        long packet = newId();
        long sender = newId();
        long a = newId();
        long b = newId();
        publishTwice(claim(packet, sender, 1, a, 40), PacketCancelled.of(packet, sender, 100, 1, Instant.now()),
                claim(packet, sender, 2, b, 60));
        await().atMost(PATIENCE).until(() -> count(
                "SELECT COUNT(*) FROM packet_escrow WHERE packet_id = ? AND cancelled_at IS NOT NULL", packet) == 1);
        PaymentSucceeded late = wechatPayment(packet, sender, 100);
        publishTwice(late);
        awaitBalance(sender, 100);
        assertThat(balance(a)).isZero();
        assertThat(balance(b)).isZero();
        assertThat(count("SELECT COUNT(*) FROM ledger_txn WHERE business_key = ?", "RETURNED:" + late.transactionId()))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'ClaimCredited' AND msg_key = ?",
                Long.toString(packet))).isZero();
    }

    @Test
    void aPacketCancelledAfterItsMoneyArrivedReturnsWhatIsHeldToThePayer() {
        long packet = newId();
        long sender = newId();
        long a = newId();
        publishTwice(wechatPayment(packet, sender, 100), claim(packet, sender, 1, a, 30));
        awaitBalance(a, 30);
        publishTwice(PacketCancelled.of(packet, sender, 100, 0, Instant.now()), claim(packet, sender, 2, newId(), 70));
        awaitBalance(sender, 70);
        assertThat(ledger.balance(AccountRef.escrow(packet))).isZero();
        assertCreditedOnce(packet, 1);
    }

    @Test
    void aSecondPaymentForAPaidPacketIsNotASecondFunding() {
        long packet = newId();
        long sender = newId();
        long a = newId();
        publishTwice(wechatPayment(packet, sender, 100), claim(packet, sender, 1, a, 100),
                wechatPayment(packet, sender, 100));
        awaitBalance(a, 100);
        awaitBalance(sender, 100);
        assertThat(count("SELECT COUNT(*) FROM ledger_txn WHERE business_key = ?", "PACKET_FUNDED:" + packet))
                .isEqualTo(1);
    }

    @Test
    void aClaimReEmittedUnderAnotherEventIdIsStoppedByItsBusinessKey() {
        long packet = newId();
        long sender = newId();
        long a = newId();
        PacketClaimed first = claim(packet, sender, 1, a, 55);
        publish(wechatPayment(packet, sender, 55));
        publish(first);
        awaitBalance(a, 55);
        PacketClaimed again = new PacketClaimed(EventIds.random(), Instant.now(), 1, packet, sender, 1, a, 55,
                Instant.now());
        publish(again);
        awaitProcessed(again.eventId());
        assertThat(balance(a)).isEqualTo(55);
        assertCreditedOnce(packet, 1);
    }

    @Test
    void aTopUpDeliveredTwiceIsCreditedOnceAndAWeChatRefundTakesItOutAgain() {
        long user = newId();
        PaymentSucceeded topUp = topUpEvent(user, 880);
        publishTwice(topUp);
        awaitBalance(user, 880);
        publishTwice(RefundSucceeded.of(topUp.outTradeNo(), "refund-" + user, "wx-refund-" + user,
                PaymentPurpose.TOPUP, topUp.referenceId(), user, 300));
        awaitBalance(user, 580);
        assertThat(deliveries.of(topUp.eventId())).isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM ledger_txn WHERE business_key = ?", "TOPUP:" + topUp.transactionId()))
                .isEqualTo(1);
    }

    private void awaitProcessed(String eventId) {
        await().atMost(PATIENCE).until(() -> count(
                "SELECT COUNT(*) FROM processed_event WHERE consumer = 'settlement' AND event_id = ?", eventId) == 1);
    }

    private void assertCreditedOnce(long packet, int claims) {
        assertThat(count("SELECT COUNT(*) FROM ledger_txn WHERE kind = 'PACKET_GRABBED' AND ref_id = ?", packet))
                .isEqualTo(claims);
        assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'ClaimCredited' AND msg_key = ?",
                Long.toString(packet))).isEqualTo(claims);
        assertThat(count("SELECT COUNT(*) FROM packet_claim WHERE packet_id = ? AND credited_at IS NOT NULL", packet))
                .isEqualTo(claims);
    }

    static PacketClaimed claim(long packet, long sender, int seq, long receiver, long amount) {
        return PacketClaimed.of(packet, sender, seq, receiver, amount, Instant.now());
    }

    static PaymentSucceeded wechatPayment(long packet, long payer, long amount) {
        String transactionId = "wx-" + newId();
        return PaymentSucceeded.of("pkt-" + packet, transactionId, PaymentPurpose.PACKET, packet, payer, amount,
                Instant.now());
    }
}
