package com.redpacket.settlement.reconciliation;

import com.redpacket.contracts.events.PacketClaimed;
import com.redpacket.contracts.events.PaymentPurpose;
import com.redpacket.contracts.events.PaymentSucceeded;
import com.redpacket.settlement.AbstractSettlementIT;
import com.redpacket.settlement.invariants.Violation;
import com.redpacket.settlement.packet.PacketSettlement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safety net: a funded packet with a claim the event path never credited (here planted in the table, as a lost
 * step would leave it) and an expiry refund never made are settled by the next pass, counted and reported.
 */
class ReconciliationIT extends AbstractSettlementIT {
    @Autowired
    Reconciliation reconciliation;
    @Autowired
    PacketSettlement settlement;

    @Test
    void aFundedPacketsForgottenClaimAndRefundAreSettledAndCounted() {
        long packet = newId();
        long sender = newId();
        long a = newId();
        long b = newId();
        tx.executeWithoutResult(s -> {
            settlement.paidByWeChat(packet, sender, 300, "wx-" + packet);
            settlement.claimed(PacketClaimed.of(packet, sender, 1, a, 100, Instant.now()));
        });
        Timestamp longAgo = Timestamp.from(Instant.now().minusSeconds(60));
        jdbc.sql("""
                        INSERT INTO packet_claim (packet_id, seq, receiver_id, amount, claimed_at, created_at)
                        VALUES (?, 2, ?, 150, ?, ?)""").params(packet, b, longAgo, longAgo).update();
        jdbc.sql("UPDATE packet_escrow SET refund_due = 50, updated_at = ? WHERE packet_id = ?")
                .params(longAgo, packet).update();
        assertThat(invariants.check().violations()).extracting(Violation::rule)
                .contains("FUNDED_CLAIM_CREDITED", "EXPIRED_PACKET_REFUNDED");
        double before = fixedCount();

        assertThat(reconciliation.run()).isEqualTo(2);

        assertThat(balance(b)).isEqualTo(150);
        assertThat(balance(sender)).isEqualTo(50);
        assertThat(fixedCount() - before).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'ClaimCredited' AND msg_key = ?",
                Long.toString(packet))).isEqualTo(2);
        assertThat(reconciliation.run()).as("nothing left to fix").isZero();
    }

    @Test
    void unfundedAndCancelledPacketsAreLeftAlone() {
        long unfunded = newId();
        long cancelled = newId();
        long sender = newId();
        tx.executeWithoutResult(s -> {
            settlement.claimed(PacketClaimed.of(unfunded, sender, 1, newId(), 10, Instant.now()));
            settlement.claimed(PacketClaimed.of(cancelled, sender, 1, newId(), 10, Instant.now()));
        });
        Timestamp longAgo = Timestamp.from(Instant.now().minusSeconds(60));
        jdbc.sql("UPDATE packet_claim SET created_at = ? WHERE packet_id IN (?, ?)").params(longAgo, unfunded, cancelled)
                .update();
        jdbc.sql("UPDATE packet_escrow SET cancelled_at = ? WHERE packet_id = ?").params(longAgo, cancelled).update();
        tx.executeWithoutResult(s -> payments.paid(PaymentSucceeded.of("o", "wx-c-" + cancelled, PaymentPurpose.PACKET,
                cancelled, sender, 10, Instant.now())));

        assertThat(reconciliation.run()).isZero();
        assertThat(count("SELECT COUNT(*) FROM packet_claim WHERE packet_id IN (?, ?) AND credited_at IS NOT NULL",
                unfunded, cancelled)).isZero();
    }

    private double fixedCount() {
        return meters.counter("redpacket.settlement.reconciliation.fixed").count();
    }
}
