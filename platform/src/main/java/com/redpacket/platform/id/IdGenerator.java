package com.redpacket.platform.id;

import java.time.Instant;

/**
 * 64-bit, time-ordered, unique ids (Snowflake layout): 41 bits of milliseconds since 2025-01-01, 10 bits of node,
 * 12 bits of sequence. Ordered ids keep InnoDB inserts at the end of the primary key and make cursors cheap.
 * Node ids must differ between instances of one service ({@code redpacket.node-id}); the primary key is the last guard.
 */
public final class IdGenerator {
    static final long EPOCH_MS = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    private static final int NODE_BITS = 10;
    private static final int SEQ_BITS = 12;
    private static final long MAX_SEQ = (1L << SEQ_BITS) - 1;

    private final long node;
    private long lastMs = -1;
    private long seq;

    public IdGenerator(int node) {
        if (node < 0 || node >= (1 << NODE_BITS)) {
            throw new IllegalArgumentException("node id must be in 0..1023, was " + node);
        }
        this.node = node;
    }

    public synchronized long next() {
        long now = Math.max(System.currentTimeMillis(), lastMs);
        if (now == lastMs) {
            seq = (seq + 1) & MAX_SEQ;
            if (seq == 0) {
                now = lastMs + 1;
            }
        } else {
            seq = 0;
        }
        lastMs = now;
        return ((now - EPOCH_MS) << (NODE_BITS + SEQ_BITS)) | (node << SEQ_BITS) | seq;
    }

    /** The instant an id was generated at (to the millisecond). */
    public static Instant timeOf(long id) {
        return Instant.ofEpochMilli((id >>> (NODE_BITS + SEQ_BITS)) + EPOCH_MS);
    }
}
