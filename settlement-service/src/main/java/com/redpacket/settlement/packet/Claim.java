package com.redpacket.settlement.packet;

/** A share of a packet that someone grabbed, as settlement knows it. */
public record Claim(long packetId, int seq, long receiverId, long amount) {
}
