package com.redpacket.contracts.internal;

/** Answer to {@link PacketDebitRequest}; {@code replayed} is true when this packet was already debited before. */
public record PacketDebitResult(long packetId, long userId, long amount, long balanceAfter, boolean replayed) {
}
