package dev.bootsplice.splice;

/** Receives progress of long runs, so a terminal front end can draw a bar; called on the caller's thread. */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = (task, done, total) -> {};

    /** {@code done} of {@code total} units of {@code task} (e.g. "transfer: splice") are finished. */
    void progress(String task, long done, long total);
}
