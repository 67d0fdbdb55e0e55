package com.redpacket.contracts.internal;

/**
 * grab-service → packet-service {@code POST /internal/packets/{packetId}/claims}: give share {@code seq} to
 * {@code userId} if it is still free (conditional update on the share's row, no packet-row lock).
 */
public record ClaimRequest(int seq, long userId) {
}
