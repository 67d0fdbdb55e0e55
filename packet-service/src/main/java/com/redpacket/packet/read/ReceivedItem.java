package com.redpacket.packet.read;

import java.time.Instant;

/** One share the caller grabbed, for {@code GET /api/packets/received}. */
public record ReceivedItem(String packetId, String senderId, String type, String greeting, long amount,
                           Instant grabbedAt, boolean credited) {
}
