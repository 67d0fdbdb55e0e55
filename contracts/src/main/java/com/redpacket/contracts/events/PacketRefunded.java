package com.redpacket.contracts.events;

import java.time.Instant;

/** settlement-service: a packet's unclaimed (or voided) money is back in the sender's wallet. */
public record PacketRefunded(String eventId, Instant occurredAt, int version,
                             long packetId, long senderId, long amount)
        implements DomainEvent {

    public static PacketRefunded of(long packetId, long senderId, long amount) {
        return new PacketRefunded(EventIds.of("PacketRefunded:" + packetId), Instant.now(), 1,
                packetId, senderId, amount);
    }

    @Override
    public String partitionKey() {
        return Long.toString(packetId);
    }

    @Override
    public String topic() {
        return Topics.SETTLEMENT_EVENTS;
    }
}
