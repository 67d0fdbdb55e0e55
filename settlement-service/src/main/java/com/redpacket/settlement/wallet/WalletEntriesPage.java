package com.redpacket.settlement.wallet;

import java.util.List;

/** {@code GET /api/wallet/entries}: newest first; {@code nextCursor} is null on the last page. */
public record WalletEntriesPage(List<WalletEntry> items, String nextCursor) {
}
