package dev.bootsplice.splice;

import java.util.Arrays;

/**
 * How many page reads walked each number of lookup hops; percentiles use the nearest-rank rule
 * (the smallest hop value whose cumulative count reaches {@code ceil(p/100 × accesses)}).
 */
public final class HopDistribution {
    // counts[h] = page reads that walked exactly h hops; the array only grows.
    private long[] counts = new long[16];
    private long accesses;
    private long total;
    private int max;

    /** Records one page read that walked {@code hops} hops. */
    public void record(int hops) {
        if (hops < 0) {
            throw new IllegalArgumentException("hops must be >= 0, was " + hops);
        }
        if (hops >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(hops + 1, counts.length * 2));
        }
        counts[hops]++;
        accesses++;
        total += hops;
        max = Math.max(max, hops);
    }

    /** Page reads recorded. */
    public long accesses() {
        return accesses;
    }

    /** Sum of the hops of every recorded read. */
    public long total() {
        return total;
    }

    /** The largest hop value recorded (0 when nothing was recorded). */
    public int max() {
        return max;
    }

    /** Mean hops per read (0 when nothing was recorded). */
    public double mean() {
        return accesses == 0 ? 0 : (double) total / accesses;
    }

    /** Reads that walked exactly {@code hops} hops. */
    public long count(int hops) {
        return hops < 0 || hops >= counts.length ? 0 : counts[hops];
    }

    /** The nearest-rank {@code p}-th percentile of hops, 0 &lt; p ≤ 100 (0 when empty). */
    public int percentile(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
        }
        long rank = (long) Math.ceil(p / 100.0 * accesses);
        long seen = 0;
        for (int h = 0; h <= max; h++) {
            seen += counts[h];
            if (seen >= rank && seen > 0) {
                return h;
            }
        }
        return 0;
    }
}
