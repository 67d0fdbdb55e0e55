package com.redpacket.settlement.packet;

import com.redpacket.contracts.events.PacketCancelled;
import com.redpacket.contracts.events.PacketClaimed;
import com.redpacket.contracts.events.PacketExpired;
import com.redpacket.contracts.events.Topics;
import com.redpacket.platform.inbox.Inbox;
import com.redpacket.settlement.SettlementProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** packet.events → the packet's money. Other event types on the topic are not settlement's business. */
@Component
public class PacketEventsListener {
    private final Inbox inbox;
    private final PacketSettlement settlement;

    public PacketEventsListener(Inbox inbox, PacketSettlement settlement) {
        this.inbox = inbox;
        this.settlement = settlement;
    }

    /** In the service's consumer group ({@code spring.kafka.consumer.group-id}), not one named after the listener. */
    @KafkaListener(id = "settlement-packet-events", idIsGroup = false, topics = Topics.PACKET_EVENTS)
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(SettlementProperties.CONSUMER, record, event -> {
            switch (event) {
                case PacketClaimed claimed -> settlement.claimed(claimed);
                case PacketExpired expired -> settlement.expired(expired);
                case PacketCancelled cancelled -> settlement.cancelled(cancelled);
                default -> {
                    // not a money event
                }
            }
        });
    }
}
