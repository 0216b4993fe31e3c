package dev.bootsplice.cli;

/** A name {@link SafeExtractor} will not write, with the short reason shown to the user. */
final class ExtractionRefused extends Exception {
    private static final long serialVersionUID = 1L;
    /** The reason for an existing regular file without {@code --force}. */
    static final String EXISTS = IoMessages.ALREADY_EXISTS;

    ExtractionRefused(String reason) {
        super(reason, null, false, false);
    }

    /** Returns the reason, e.g. {@code name has a ".." component}. */
    String reason() {
        return getMessage();
    }

    /** Returns true when the name was refused only because a regular file is already there. */
    boolean existingFile() {
        return EXISTS.equals(getMessage());
    }
}
