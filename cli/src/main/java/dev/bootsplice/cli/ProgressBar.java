package dev.bootsplice.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr, redrawn in place with carriage returns. It draws only when enabled,
 * which {@link #onTerminal} does only when stderr is a terminal, so pipes and logs stay clean.
 */
final class ProgressBar implements AutoCloseable {
    /** Redrawing more often than this is invisible to a reader and costs time on slow terminals. */
    private static final long REDRAW_INTERVAL_NANOS = 100_000_000L;

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private String label;
    /** Drawn after the percentage (e.g. an ETA); empty for none. */
    private String suffix = "";

    private final long total;
    private final boolean enabled;
    private final LongSupplier clock;
    private long done;
    private long lastDrawNanos;
    /** Length of the line last drawn; 0 when nothing is on screen. */
    private int drawnLength;
    /** The line last drawn, so an unchanged line is not drawn again. */
    private String drawn = "";

    ProgressBar(PrintWriter err, String label, long total, boolean enabled, LongSupplier clock) {
        this.err = err;
        this.label = label;
        this.total = Math.max(total, 0);
        this.enabled = enabled;
        this.clock = clock;
        this.lastDrawNanos = clock.getAsLong() - REDRAW_INTERVAL_NANOS;
    }

    /** Returns a bar that draws on {@code err} only when stderr is a terminal. */
    static ProgressBar onTerminal(PrintWriter err, String label, long total) {
        return new ProgressBar(err, label, total, StderrTerminal.isTerminal(), System::nanoTime);
    }

    /** Changes the text before the bar and after the percentage, drawn with the next update. */
    void relabel(String newLabel, String newSuffix) {
        label = newLabel;
        suffix = newSuffix;
    }

    /** Adds {@code amount} units of work done. */
    void advance(long amount) {
        update(done + amount);
    }

    /** Sets the units of work done so far. */
    void update(long units) {
        done = Math.min(Math.max(units, 0), total);
        long now = clock.getAsLong();
        if (enabled && (now - lastDrawNanos >= REDRAW_INTERVAL_NANOS || done == total)) {
            lastDrawNanos = now;
            draw();
        }
    }

    /** Erases the bar, leaving the cursor at the start of an empty line. */
    @Override
    public void close() {
        if (drawnLength > 0) {
            err.print('\r' + " ".repeat(drawnLength) + '\r');
            err.flush();
            drawnLength = 0;
            drawn = "";
        }
    }

    /** Returns the line as drawn for {@code done} of {@code total}, e.g. {@code extract [=====>    ]  45%}. */
    String render() {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        int filled = total == 0 ? WIDTH : (int) (done * WIDTH / total);
        StringBuilder s = new StringBuilder(label).append(" [");
        s.append("=".repeat(filled));
        if (filled < WIDTH) {
            s.append('>').append(" ".repeat(WIDTH - filled - 1));
        }
        s.append("] ").append(String.format("%3d%%", percent));
        return suffix.isEmpty() ? s.toString() : s.append(' ').append(suffix).toString();
    }

    private void draw() {
        String line = render();
        if (line.equals(drawn)) {
            return;
        }
        drawn = line;
        err.print('\r' + line);
        if (line.length() < drawnLength) {
            err.print(" ".repeat(drawnLength - line.length()));
        }
        err.flush();
        drawnLength = Math.max(drawnLength, line.length());
    }
}
