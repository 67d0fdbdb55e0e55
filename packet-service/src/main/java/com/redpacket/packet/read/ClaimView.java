package com.redpacket.packet.read;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** One claim on a packet's detail page; {@code credited} once settlement-service put it in the wallet. */
public record ClaimView(@Schema(example = "1839204857261057") String userId,
                        @Schema(description = "fen", example = "238") long amount,
                        @Schema(example = "2025-01-28T12:00:01.532Z") Instant grabbedAt,
                        @Schema(description = "in the receiver's wallet", example = "true") boolean credited) {
}
