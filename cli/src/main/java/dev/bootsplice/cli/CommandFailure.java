package dev.bootsplice.cli;

import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.splice.SpliceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A failure the user can act on: it ends the command with {@link #exitCode()} and the one-line message
 * {@code bootsplice: MESSAGE} on stderr, with no stack trace unless {@code --debug}.
 */
final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CommandFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Returns the exit status the command ends with. */
    int exitCode() {
        return exitCode;
    }

    /** An input that breaks a format rule: {@code IMAGE: item N (TYPE) at 0xOFFSET: [entry "NAME": ]REASON}. */
    static CommandFailure invalidInput(Path image, ZbiFormatException e) {
        return new CommandFailure(ExitCodes.INVALID_INPUT, image + ": " + e.getMessage(), e);
    }

    /** A file that cannot be read or written: {@code FILE: REASON}. */
    static CommandFailure unreadable(Path file, IOException e) {
        return new CommandFailure(ExitCodes.INVALID_INPUT, IoMessages.describe(file, e), e);
    }

    /** Same as {@link #unreadable(Path, IOException)} for an I/O error a library wrapped unchecked. */
    static CommandFailure unreadable(Path file, UncheckedIOException e) {
        return unreadable(file, e.getCause());
    }

    /**
     * An image the model cannot boot: {@code IMAGE: REASON}, and for the model's memory limit (bounded by the
     * heap) the heap's size and the option that raises it.
     */
    static CommandFailure cannotSplice(String image, SpliceException e) {
        String hint = e.isMemoryLimit()
                ? " (the JVM's maximum heap of "
                        + JvmFaults.mebibytes(Runtime.getRuntime().maxMemory()) + " bounds it; raise it with "
                        + JvmFaults.HEAP_OPTION + ")"
                : "";
        return new CommandFailure(ExitCodes.INVALID_INPUT, image + ": " + e.getMessage() + hint, e);
    }

    /** Any other invalid input, described by {@code message} (already naming the file). */
    static CommandFailure invalidInput(String message) {
        return new CommandFailure(ExitCodes.INVALID_INPUT, message);
    }

    /** A failed check (exit 4), described by {@code message}. */
    static CommandFailure checkFailed(String message) {
        return new CommandFailure(ExitCodes.CHECK_FAILED, message);
    }
}
