package com.redpacket.settlement;

import com.redpacket.contracts.events.DomainEvent;
import com.redpacket.contracts.events.PacketCancelled;
import com.redpacket.contracts.events.PacketClaimed;
import com.redpacket.contracts.events.PacketExpired;
import com.redpacket.contracts.events.PaymentSucceeded;
import com.redpacket.contracts.events.RefundSucceeded;
import com.redpacket.contracts.events.Topics;
import com.redpacket.platform.inbox.Inbox;
import com.redpacket.settlement.packet.PacketSettlement;
import com.redpacket.settlement.payment.PaymentSettlement;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The events settlement-service turns into money, each processed once through the platform inbox. One listener
 * container per topic, so a packet's claim (packet.events) and its payment (payment.events) really are processed at
 * the same time by different threads; both in the service's consumer group, not one named after the listener.
 * Other event types on these topics (e.g. {@code PaymentClosed}) are not settlement's business.
 */
@Component
public class SettlementEventsListener {
    private final Inbox inbox;
    private final PacketSettlement packets;
    private final PaymentSettlement payments;

    public SettlementEventsListener(Inbox inbox, PacketSettlement packets, PaymentSettlement payments) {
        this.inbox = inbox;
        this.packets = packets;
        this.payments = payments;
    }

    @KafkaListener(id = "settlement-packet-events", idIsGroup = false, topics = Topics.PACKET_EVENTS)
    public void onPacketEvent(ConsumerRecord<String, String> record) {
        inbox.process(SettlementProperties.CONSUMER, record, this::settle);
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
