package dev.bootsplice.cli;

import dev.bootsplice.splice.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One bar across every run of a profile (each strategy once per round, warm-up rounds included) with
 * an ETA: each run is an equal share, its splice the first {@link #SPLICE_SHARE} of it and its lookups
 * the rest (the library reports tasks named {@code STRATEGY: splice} and {@code STRATEGY: lookups}; a
 * splice after lookups starts the next run), and the ETA assumes the rest goes at the pace so far.
 */
final class ProfileProgress implements ProgressListener, AutoCloseable {
    /** Units of the whole run. */
    static final long UNITS = 10_000;
    /** The share of one run's time its splice phase is assumed to take. */
    static final double SPLICE_SHARE = 0.4;
    /** No ETA before this much of the work or this many nanoseconds: early rates mislead. */
    private static final double ETA_MIN_FRACTION = 0.02;

    private static final long ETA_MIN_NANOS = 1_000_000_000L;

    private final ProgressBar bar;
    private final LongSupplier clock;
    private final long start;
    private int runs;
    private int started;
    private boolean inLookups = true;

    /** A bar for {@code runs} runs (strategies × rounds), drawn on {@code err} when {@code enabled}. */
    ProfileProgress(PrintWriter err, int runs, boolean enabled, LongSupplier clock) {
        this.runs = Math.max(1, runs);
        this.clock = clock;
        this.start = clock.getAsLong();
        this.bar = new ProgressBar(err, "profile", UNITS, enabled, clock);
    }

    /** Sets how many runs there are, once the image (which decides the rounds) is known. */
    void expectRuns(int value) {
        runs = Math.max(1, value);
    }

    @Override
    public void progress(String task, long done, long total) {
        boolean splice = task.endsWith(": splice");
        if (splice && inLookups) {
            started = Math.min(started + 1, runs);
        }
        inLookups = !splice;
        double within = total <= 0 ? 1 : Math.min(1, (double) done / total);
        double share = splice ? SPLICE_SHARE * within : SPLICE_SHARE + (1 - SPLICE_SHARE) * within;
        double fraction = (Math.max(0, started - 1) + share) / runs;
        bar.relabel(String.format(Locale.ROOT, "profile %d/%d %s", Math.max(1, started), runs, task), eta(fraction));
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
