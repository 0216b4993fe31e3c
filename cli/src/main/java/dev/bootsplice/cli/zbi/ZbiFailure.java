package dev.bootsplice.cli.zbi;

/** A {@code zbi} run that stops with exit status 1 and one line on stderr, as the reference tool does. */
final class ZbiFailure extends Exception {
    private static final long serialVersionUID = 1L;

    ZbiFailure(String message) {
        super(message, null, false, false);
    }
}
