package dev.bootsplice.cli;

import dev.bootsplice.splice.ProgressListener;
import java.io.PrintWriter;

/** Shows a library's progress reports as one {@link ProgressBar} per task, only when enabled (stderr a terminal). */
final class TerminalProgress implements ProgressListener, AutoCloseable {
    private final PrintWriter err;
    private final boolean enabled;
    private ProgressBar bar;
    private String task;

    TerminalProgress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Returns a listener that draws on {@code err} only when stderr is a terminal. */
    static TerminalProgress onTerminal(PrintWriter err) {
        return new TerminalProgress(err, StderrTerminal.isTerminal());
    }

    @Override
    public void progress(String task, long done, long total) {
        if (!enabled) {
            return;
        }
        if (!task.equals(this.task)) {
            close();
            bar = new ProgressBar(err, task, total, true, System::nanoTime);
            this.task = task;
        }
        bar.update(done);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
            task = null;
        }
    }
}
