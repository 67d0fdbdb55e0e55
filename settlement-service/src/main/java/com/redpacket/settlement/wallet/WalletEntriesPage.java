package com.redpacket.settlement.wallet;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** {@code GET /api/wallet/entries}: newest first; {@code nextCursor} is null on the last page. */
public record WalletEntriesPage(List<WalletEntry> items,
                                @Schema(description = "pass as cursor for the next page; null on the last page",
                                        example = "MTgzOTIwNDg1NzI2NTAwMQ") String nextCursor) {
}
