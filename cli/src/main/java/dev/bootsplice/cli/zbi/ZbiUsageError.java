package dev.bootsplice.cli.zbi;

/** A {@code zbi} command line the tool refuses, with the reason in the reference tool's words. */
final class ZbiUsageError extends Exception {
    private static final long serialVersionUID = 1L;

    ZbiUsageError(String message) {
        super(message, null, false, false);
    }
}
