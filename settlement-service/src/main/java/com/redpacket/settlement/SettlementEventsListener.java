package com.redpacket.settlement;

import com.redpacket.contracts.events.DomainEvent;
import com.redpacket.contracts.events.PacketCancelled;
import com.redpacket.contracts.events.PacketClaimed;
import com.redpacket.contracts.events.PacketExpired;
import com.redpacket.contracts.events.PaymentSucceeded;
import com.redpacket.contracts.events.RefundSucceeded;
import com.redpacket.contracts.events.Topics;
import com.redpacket.platform.inbox.BatchHandler;
import com.redpacket.platform.inbox.Inbox;
import com.redpacket.settlement.packet.PacketSettlement;
import com.redpacket.settlement.payment.PaymentSettlement;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The events settlement-service turns into money, each processed once through the platform inbox. One listener
 * container per topic, so a packet's claim (packet.events) and its payment (payment.events) really are processed at
 * the same time by different threads; both in the service's consumer group, not one named after the listener.
 * Other event types on these topics (e.g. {@code PaymentClosed}) are not settlement's business.
 * <p>packet.events carries a storm's claims: it is consumed a poll at a time ({@link Inbox#processBatch}), up to
 * {@code redpacket.settlement.batch-size} events per transaction, and a transaction's claims are credited set-wise
 * ({@link PacketSettlement#claimedAll}: ~15 statements for a batch on any number of packets instead of ~12 per claim),
 * so crediting keeps up when grabs come faster than one commit, or one round trip, per claim allows. {@code redpacket.settlement.packet-consumers} (default 2) consumers per instance: six
 * (one per partition) were measured to take the database from the claims during a storm (bench FINDINGS) without
 * crediting sooner. payment.events is a trickle and goes one event per transaction.
 */
@Component
public class SettlementEventsListener {
    private static final String PACKET_LISTENER = "settlement-packet-events";
    /**
     * How a batch of packet.events is applied: a packet's other events first, then its claims by receiver. Each
     * packet's rows belong to one consumer (packet.events is keyed by packet), so the rows several consumers' batches
     * share are the receivers' wallets, and taking those in one order means two batches never wait for each other in a
     * cycle. Settlement gives the same money for these events in any order (the tests deliver them out of order);
     * claims carry no order among themselves, and an expiry carries its exact refund.
     */
    static final Comparator<DomainEvent> APPLY_ORDER = Comparator
            .comparing((DomainEvent e) -> e instanceof PacketClaimed)
            .thenComparingLong(e -> e instanceof PacketClaimed claimed ? claimed.receiverId() : 0L);
    private final Inbox inbox;
    private final PacketSettlement packets;
    private final PaymentSettlement payments;

    public SettlementEventsListener(Inbox inbox, PacketSettlement packets, PaymentSettlement payments) {
        this.inbox = inbox;
        this.packets = packets;
        this.payments = payments;
    }

    @KafkaListener(id = PACKET_LISTENER, idIsGroup = false, topics = Topics.PACKET_EVENTS, batch = "true",
            concurrency = "${redpacket.settlement.packet-consumers:2}",
            properties = "max.poll.records=${redpacket.settlement.batch-size:100}")
    public void onPacketEvents(List<ConsumerRecord<String, String>> records) {
        inbox.processBatch(SettlementProperties.CONSUMER, PACKET_LISTENER, records, PacketEventsBatch::new,
                APPLY_ORDER);
    }

    /**
     * One transaction's packet.events: claims are collected and applied together when the transaction's events are
     * all in ({@link PacketSettlement#claimedAll}), a few statements for the lot; any other event is applied at once,
     * after the claims collected before it, so the order of application is the order given.
     */
    private final class PacketEventsBatch implements BatchHandler {
        private final List<PacketSettlement.PendingClaim> claims = new ArrayList<>();

        @Override
        public void accept(DomainEvent event) {
            if (event instanceof PacketClaimed claimed) {
                claims.add(packets.pending(claimed));
            } else {
                complete();
                settle(event);
            }
        }

        @Override
        public void complete() {
            packets.claimedAll(List.copyOf(claims));
            claims.clear();
        }
    }

    @KafkaListener(id = "settlement-payment-events", idIsGroup = false, topics = Topics.PAYMENT_EVENTS)
    public void onPaymentEvent(ConsumerRecord<String, String> record) {
        inbox.process(SettlementProperties.CONSUMER, record, this::settle);
    }

    private void settle(DomainEvent event) {
        switch (event) {
            case PacketClaimed claimed -> packets.claimed(claimed);
            case PacketExpired expired -> packets.expired(expired);
            case PacketCancelled cancelled -> packets.cancelled(cancelled);
            case PaymentSucceeded paid -> payments.paid(paid);
            case RefundSucceeded refunded -> payments.refunded(refunded);
            default -> {
                // not a money event for settlement
            }
        }
    }
}
