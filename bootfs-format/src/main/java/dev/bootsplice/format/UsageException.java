package dev.bootsplice.format;

/**
 * The caller asked for an image that cannot be written: a bad BOOTFS name ({@code .}/{@code ..} component,
 * leading {@code /}, too long), a duplicate name, conflicting options, or sizes beyond the format's limits.
 * The command line reports these as usage errors (exit 2); unreadable inputs are {@link java.io.IOException}s
 * and broken input images {@link ZbiFormatException}s.
 */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a one-line message naming the offending name or option. */
    public UsageException(String message) {
        super(message);
    }
}
