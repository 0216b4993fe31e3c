package dev.bootsplice.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a person watches stderr. Java 17 can only tell whether stdin and stdout are a console, so
 * this asks, in order: the {@code bootsplice.stderr.tty} property (the launcher sets it from
 * {@code [[ -t 2 ]]}), then on Linux where {@code /proc/self/fd/2} points (a {@code /dev/pts/} or
 * {@code /dev/tty} device), then {@code System.console()}.
 */
final class StderrTerminal {
    private StderrTerminal() {}

    /** Whether stderr is a terminal. */
    static boolean isTerminal() {
        String told = System.getProperty("bootsplice.stderr.tty");
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // fall through to the console check
        }
        return System.console() != null;
    }
}
