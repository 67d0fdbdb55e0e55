package com.redpacket.settlement.wallet;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code GET /api/wallet}; ids are strings in public JSON. */
public record WalletBalance(@Schema(example = "1839204857261056") String userId,
                            @Schema(description = "fen available to send", example = "12800") long balance) {
}
