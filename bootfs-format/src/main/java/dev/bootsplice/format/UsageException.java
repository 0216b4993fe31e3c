package dev.bootsplice.format;

import java.util.Optional;

/**
 * The caller asked for an image that cannot be written: a bad BOOTFS name ({@code .}/{@code ..} component,
 * leading {@code /}, too long), a duplicate name, conflicting settings, or sizes beyond the format's limits.
 * When one setting of the caller's request is at fault, {@link #setting()} names it in the library's words
 * ({@code prefix}, {@code kernel}, {@code item}, {@code files}, {@code size}, {@code bootfs-only}), so a front end
 * can word it as its own option or parameter; unreadable inputs are {@link java.io.IOException}s and broken input
 * images {@link ZbiFormatException}s.
 */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String setting;

    /** Creates the exception with a one-line message naming the offending name or value. */
    public UsageException(String message) {
        this(null, message);
    }

    /** Creates the exception for the request setting {@code setting} (null: none in particular). */
    public UsageException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /** Returns the setting at fault, in the library's words, when one is. */
    public Optional<String> setting() {
        return Optional.ofNullable(setting);
    }
}
