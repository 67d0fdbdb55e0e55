package com.redpacket.settlement.wallet;

import java.time.Instant;

/** One line of the wallet statement: signed amount, kind (TOPUP, PACKET_SENT, PACKET_GRABBED, ...), packet or top-up id. */
public record WalletEntry(String id, long amount, String kind, String refId, Instant createdAt) {
}
