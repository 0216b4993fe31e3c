package dev.bootsplice.cli;

/** The exit statuses of every command, as `shared/spec/cli.md` defines them. */
final class ExitCodes {
    /** Success. */
    static final int OK = 0;
    /** An internal error (a bug). */
    static final int INTERNAL = 1;
    /** Unknown option, missing argument, bad value. */
    static final int USAGE = 2;
    /** An input is invalid or unreadable, or an output was refused to protect existing data. */
    static final int INVALID_INPUT = 3;
    /** A check failed: regression, exceeded budget, failed scenario expectation. */
    static final int CHECK_FAILED = 4;

    private ExitCodes() {}
}
