package dev.bootsplice.cli;

/** A name {@link SafeExtractor} will not write, with the short reason shown to the user. */
final class ExtractionRefused extends Exception {
    private static final long serialVersionUID = 1L;

    ExtractionRefused(String reason) {
        super(reason, null, false, false);
    }

    /** Returns the reason, e.g. {@code name has a ".." component}. */
    String reason() {
        return getMessage();
    }
}
