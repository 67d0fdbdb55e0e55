package com.redpacket.contracts.internal;

/**
 * packet-service → settlement-service {@code POST /internal/wallets/{userId}/packet-debits}: move {@code amount} from
 * the sender's wallet into the packet's escrow. Idempotent by packet id: a repeat answers the first result.
 * 409 INSUFFICIENT_BALANCE when short (nothing moves).
 */
public record PacketDebitRequest(long packetId, long amount) {
}
