package com.redpacket.contracts.events;

import java.time.Instant;

/** packet-service: share {@code seq} of a packet now belongs to {@code receiverId}. Not yet money in a wallet. */
public record PacketClaimed(String eventId, Instant occurredAt, int version,
                            long packetId, long senderId, int seq, long receiverId, long amount, Instant claimedAt)
        implements DomainEvent {

    public static PacketClaimed of(long packetId, long senderId, int seq, long receiverId, long amount, Instant claimedAt) {
        return new PacketClaimed(EventIds.of("PacketClaimed:" + packetId + ":" + seq), claimedAt, 1,
                packetId, senderId, seq, receiverId, amount, claimedAt);
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
