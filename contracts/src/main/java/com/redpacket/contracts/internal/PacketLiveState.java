package com.redpacket.contracts.internal;

import java.time.Instant;
import java.util.List;

/**
 * packet-service {@code GET /internal/packets/{packetId}/live-state}: MySQL's truth about a packet, from which
 * grab-service rebuilds its Redis keys. {@code payStatus}: 0 unpaid, 2 app-confirmed, 1 paid.
 * {@code status}: PENDING_PAYMENT, ACTIVE, FINISHED, EXPIRED, CANCELLED.
 */
public record PacketLiveState(long packetId, long senderId, String status, int payStatus, Long groupId,
                              Long receiverId, Instant expiresAt, int count, List<Integer> freeSeqs,
                              List<Claim> claims) {

    public record Claim(long userId, int seq, long amount) {
    }
}
