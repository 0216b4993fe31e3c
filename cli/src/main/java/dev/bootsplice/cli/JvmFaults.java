package dev.bootsplice.cli;

import dev.bootsplice.format.ZbiImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Words the two JVM errors an input can cause as one stderr line with exit 3: a fault while reading a memory-mapped
 * image (the JVM's {@link InternalError} when the file shrank under the running command) and heap exhaustion
 * while an image is being worked on. Without an open image both remain internal errors (exit 1).
 */
final class JvmFaults {
    /** The option that gives the JVM more heap, named in every out-of-memory line. */
    static final String HEAP_OPTION = "BOOTSPLICE_JAVA_OPTS=-Xmx...";

    private static final String MAPPED_FAULT = "unsafe memory access";

    private JvmFaults() {}

    /**
     * Runs {@code command} and returns its exit status; the two JVM errors an input can cause become one line
     * and exit 3 (while an image is open) instead of a stack trace. The images opened meanwhile are forgotten.
     */
    static Integer guard(java.util.function.Supplier<Integer> command, PrintWriter err) {
        try {
            return command.get();
        } catch (OutOfMemoryError e) {
            return outOfMemory(err);
        } catch (InternalError e) {
            return mappedFileFault(e, err);
        } finally {
            ImageFiles.forgetOpened();
        }
    }

    /** Reports a fault in a mapped file: the image that shrank, else the first open image; returns the exit status. */
    static int mappedFileFault(InternalError e, PrintWriter err) {
        List<ZbiImage> images = ImageFiles.opened();
        if (images.isEmpty() || e.getMessage() == null || !e.getMessage().contains(MAPPED_FAULT)) {
            err.println(FailureHandler.internalErrorLine(e, false));
            return ExitCodes.INTERNAL;
        }
        ZbiImage image =
                images.stream().filter(ZbiImage::shrankSinceOpened).findFirst().orElse(images.get(0));
        err.println("bootsplice: "
                + IoMessages.printable(image.name() + ": " + image.readFault().getMessage()));
        return ExitCodes.INVALID_INPUT;
    }

    /** Reports heap exhaustion with the heap's size and the option that raises it; returns the exit status. */
    static int outOfMemory(PrintWriter err) {
        List<ZbiImage> images = ImageFiles.opened();
        String limit =
                "the JVM's maximum heap of " + mebibytes(Runtime.getRuntime().maxMemory());
        if (images.isEmpty()) {
            err.println("bootsplice: out of memory: " + limit + " is too small (raise it with " + HEAP_OPTION + ")");
            return ExitCodes.INTERNAL;
        }
        Path image = Path.of(images.get(images.size() - 1).name());
        err.println("bootsplice: "
                + IoMessages.printable(image + ": out of memory: " + limit
                        + " is too small for this image (raise it with " + HEAP_OPTION + ")"));
        return ExitCodes.INVALID_INPUT;
    }

    /** Returns {@code bytes} as whole mebibytes, e.g. {@code 128 MiB}. */
    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%d MiB", bytes >> 20);
    }
}
