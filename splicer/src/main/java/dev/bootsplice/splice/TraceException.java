package dev.bootsplice.splice;

/**
 * A trace names a file the image lacks, a page past a file's end, or does not parse; the CLI
 * treats it as an invalid input (exit 3). The message names the trace and line:
 * {@code trace boot.trace:3: unknown file "bin/nope"}.
 */
public final class TraceException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An error with the given one-line reason. */
    public TraceException(String message) {
        super(message);
    }
}
