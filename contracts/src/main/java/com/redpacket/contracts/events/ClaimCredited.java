package com.redpacket.contracts.events;

import java.time.Instant;

/** settlement-service: share {@code seq} of a packet is now in the receiver's wallet (once, for good). */
public record ClaimCredited(String eventId, Instant occurredAt, int version,
                            long packetId, int seq, long receiverId, long amount)
        implements DomainEvent {

    public static ClaimCredited of(long packetId, int seq, long receiverId, long amount) {
        return new ClaimCredited(EventIds.of("ClaimCredited:" + packetId + ":" + seq), Instant.now(), 1,
                packetId, seq, receiverId, amount);
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
