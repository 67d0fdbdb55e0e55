package com.redpacket.packet.store;

import java.time.Instant;

/** One {@code red_packet_log} row: share {@code seq} of a packet, and what became of it. */
public record Share(long packetId, int seq, long amount, Long receiver, Instant grabbedAt, boolean credited,
                    boolean refunded, boolean voided) {

    public boolean claimed() {
        return receiver != null;
    }

    public boolean free() {
        return receiver == null && !refunded && !voided;
    }
}
