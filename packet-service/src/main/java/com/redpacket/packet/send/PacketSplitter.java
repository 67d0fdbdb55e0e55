package com.redpacket.packet.send;

import java.util.random.RandomGenerator;

/**
 * Pre-splits a packet into its shares. Lucky: the double-average (二倍均值) random split, each share drawn uniformly from
 * [lo, min(hi, 2·avg − lo)] of what is left, where lo/hi are the tightest bounds that still let every later share
 * stay within [minShare, maxShare]; then shuffled ("计算手气打乱后插入"), so that no seq (and so no grab order) is
 * better placed than another. Equal: identical shares. Amounts are integer fen; the shares always sum to the total.
 */
public final class PacketSplitter {
    private final long minShare;
    private final long maxShare;
    private final RandomGenerator random;

    public PacketSplitter(long minShare, long maxShare, RandomGenerator random) {
        if (minShare < 1 || maxShare < minShare) {
            throw new IllegalArgumentException("need 1 <= minShare <= maxShare");
        }
        this.minShare = minShare;
        this.maxShare = maxShare;
        this.random = random;
    }

    /** Random shares of {@code total} in shuffled order; the caller has checked count·min ≤ total ≤ count·max. */
    public long[] lucky(long total, int count) {
        requireSplittable(total, count);
        long[] shares = new long[count];
        long left = total;
        for (int i = 0; i < count - 1; i++) {
            int sharesLeft = count - i;
            long lo = Math.max(minShare, left - (sharesLeft - 1) * maxShare);
            long hi = Math.min(maxShare, left - (sharesLeft - 1) * minShare);
            // lo <= left/sharesLeft always (left <= sharesLeft·max), so the double-average range is never empty
            long upper = Math.min(hi, 2 * left / sharesLeft - lo);
            shares[i] = lo + random.nextLong(upper - lo + 1);
            left -= shares[i];
        }
        shares[count - 1] = left;
        shuffle(shares);
        return shares;
    }

    /** {@code count} shares of {@code each}. */
    public long[] equal(long each, int count) {
        requireSplittable(each * count, count);
        long[] shares = new long[count];
        java.util.Arrays.fill(shares, each);
        return shares;
    }

    private void requireSplittable(long total, int count) {
        if (count < 1 || total < count * minShare || total > count * maxShare) {
            throw new IllegalArgumentException(total + " fen cannot be split into " + count + " shares of "
                    + minShare + ".." + maxShare + " fen");
        }
    }

    /** Fisher–Yates. */
    private void shuffle(long[] shares) {
        for (int i = shares.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = shares[i];
            shares[i] = shares[j];
            shares[j] = t;
        }
    }
}
