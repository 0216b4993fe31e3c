package dev.bootsplice.vm;

import java.util.Arrays;

/** Counts of page lookups per number of parent links followed (the profiler's depth data). */
public final class HopHistogram {
    // counts[h] = lookups that followed exactly h links; grows on demand.
    private long[] counts = new long[16];
    private long total;
    private long sum;
    private int max;

    HopHistogram() {}

    private HopHistogram(long[] counts, long total, long sum, int max) {
        this.counts = counts;
        this.total = total;
        this.sum = sum;
        this.max = max;
    }

    void record(int hops) {
        if (hops >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(hops + 1, counts.length * 2));
        }
        counts[hops]++;
        total++;
        sum += hops;
        max = Math.max(max, hops);
    }

    HopHistogram copy() {
        return new HopHistogram(counts.clone(), total, sum, max);
    }

    /** Lookups that followed exactly {@code hops} links. */
    public long count(int hops) {
        return hops >= 0 && hops < counts.length ? counts[hops] : 0;
    }

    /** Lookups recorded. */
    public long total() {
        return total;
    }

    /** Sum of the hops of every lookup. */
    public long sum() {
        return sum;
    }

    /** Mean hops per lookup, 0 when nothing was recorded. */
    public double mean() {
        return total == 0 ? 0 : (double) sum / total;
    }

    /** The largest hop count recorded, 0 when nothing was recorded. */
    public int max() {
        return max;
    }

    /**
     * The smallest hop count h such that at least {@code p} percent of lookups took at most h hops.
     *
     * @throws IllegalArgumentException if {@code p} is outside [0, 100]
     */
    public int percentile(double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile outside [0, 100]: " + p);
        }
        if (total == 0) {
            return 0;
        }
        long needed = Math.max(1, (long) Math.ceil(total * p / 100.0));
        long seen = 0;
        for (int h = 0; h <= max; h++) {
            seen += counts[h];
            if (seen >= needed) {
                return h;
            }
        }
        return max;
    }

    @Override
    public String toString() {
        return "HopHistogram{total=" + total + ", mean=" + mean() + ", max=" + max + "}";
    }
}
