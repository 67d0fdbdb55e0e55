package com.redpacket.contracts.events;

import java.time.Instant;

/** packet-service: the packet's payment never arrived and its order was closed; its claims are void, nothing is credited. */
public record PacketCancelled(String eventId, Instant occurredAt, int version,
                              long packetId, long senderId, long totalAmount, int voidedClaims)
        implements DomainEvent {

    public static PacketCancelled of(long packetId, long senderId, long totalAmount, int voidedClaims, Instant at) {
        return new PacketCancelled(EventIds.of("PacketCancelled:" + packetId), at, 1,
                packetId, senderId, totalAmount, voidedClaims);
    }

    @Override
    public String partitionKey() {
        return Long.toString(packetId);
    }

    @Override
    public String topic() {
        return Topics.PACKET_EVENTS;
    }
}
