package dev.bootsplice.cli;

import dev.bootsplice.splice.ProgressListener;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One bar across every strategy of a profile run with an ETA: each strategy is an equal share,
 * its splice the first {@link #SPLICE_SHARE} of it and its lookups the rest (the library reports
 * tasks named {@code STRATEGY: splice} and {@code STRATEGY: lookups}), and the ETA assumes the
 * rest goes at the pace so far.
 */
final class ProfileProgress implements ProgressListener, AutoCloseable {
    /** Units of the whole run. */
    static final long UNITS = 10_000;
    /** The share of one strategy's time its splice phase is assumed to take. */
    static final double SPLICE_SHARE = 0.4;
    /** No ETA before this much of the run or this many nanoseconds: early rates mislead. */
    private static final double ETA_MIN_FRACTION = 0.02;
    private static final long ETA_MIN_NANOS = 1_000_000_000L;

    private final List<String> strategies;
    private final ProgressBar bar;
    private final LongSupplier clock;
    private final long start;

    ProfileProgress(PrintWriter err, List<String> strategies, boolean enabled, LongSupplier clock) {
        this.strategies = List.copyOf(strategies);
        this.clock = clock;
        this.start = clock.getAsLong();
        this.bar = new ProgressBar(err, "profile", UNITS, enabled, clock);
    }

    @Override
    public void progress(String task, long done, long total) {
        int colon = task.lastIndexOf(": ");
        String strategy = colon < 0 ? task : task.substring(0, colon);
        String phase = colon < 0 ? "" : task.substring(colon + 2);
        int index = Math.max(0, strategies.indexOf(strategy));
        double within = total <= 0 ? 1 : Math.min(1, (double) done / total);
        double share = phase.equals("splice") ? SPLICE_SHARE * within : SPLICE_SHARE + (1 - SPLICE_SHARE) * within;
        double fraction = (index + share) / strategies.size();
        bar.relabel(String.format(Locale.ROOT, "profile %d/%d %s", index + 1, strategies.size(), task),
                eta(fraction));
        bar.update(Math.round(fraction * UNITS));
    }

    /** "ETA 1:05" from the pace so far, or "" while too early to tell. */
    String eta(double fraction) {
        long elapsed = clock.getAsLong() - start;
        if (fraction < ETA_MIN_FRACTION || elapsed < ETA_MIN_NANOS || fraction >= 1) {
            return "";
        }
        long seconds = Math.round(elapsed * (1 - fraction) / fraction / 1e9);
        return String.format(Locale.ROOT, "ETA %d:%02d", seconds / 60, seconds % 60);
    }

    @Override
    public void close() {
        bar.close();
    }
}
