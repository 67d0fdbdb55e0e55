package com.redpacket.packet.read;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** One share the caller grabbed, for {@code GET /api/packets/received}. */
public record ReceivedItem(@Schema(example = "1839204857263001") String packetId,
                           @Schema(example = "1839204857261056") String senderId,
                           @Schema(example = "GROUP_LUCKY") String type,
                           @Schema(example = "恭喜发财，大吉大利") String greeting,
                           @Schema(description = "fen", example = "238") long amount,
                           @Schema(example = "2025-01-28T12:00:01.532Z") Instant grabbedAt,
                           @Schema(description = "in the caller's wallet", example = "true") boolean credited) {
}
