package com.redpacket.contracts.internal;

import java.time.Instant;
import java.util.List;

/**
 * packet-service → grab-service {@code PUT /internal/packets/{packetId}/arming}: make a paid (or app-confirmed) packet
 * grabbable. {@code freeSeqs} are the unclaimed share numbers; {@code claims} the shares already taken (who, which,
 * how much), so a repeat grab by one of those users is answered from Redis with their own amount.
 * Audience: {@code receiverId} set → only that user (SINGLE, EXCLUSIVE); else members of {@code groupId}.
 * Arming twice is harmless (keys that exist are kept). {@code DELETE} on the same path disarms (expiry, cancellation).
 */
public record ArmRequest(long packetId, long senderId, Long groupId, Long receiverId, Instant expiresAt,
                         List<Integer> freeSeqs, List<PacketLiveState.Claim> claims) {
}
