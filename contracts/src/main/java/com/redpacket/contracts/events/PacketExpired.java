package com.redpacket.contracts.events;

import java.time.Instant;

/** packet-service: the packet's unclaimed shares were refunded at expiry; {@code refundAmount} goes back to the sender. */
public record PacketExpired(String eventId, Instant occurredAt, int version,
                            long packetId, long senderId, long totalAmount, int refundedShares, long refundAmount)
        implements DomainEvent {

    public static PacketExpired of(long packetId, long senderId, long totalAmount, int refundedShares, long refundAmount,
                                   Instant at) {
        return new PacketExpired(EventIds.of("PacketExpired:" + packetId), at, 1,
                packetId, senderId, totalAmount, refundedShares, refundAmount);
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
