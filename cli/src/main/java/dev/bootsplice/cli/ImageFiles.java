package dev.bootsplice.cli;

import dev.bootsplice.format.CrcStatus;
import dev.bootsplice.format.Locations;
import dev.bootsplice.format.Problem;
import dev.bootsplice.format.Severity;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiItem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** Opens images for commands and words their problems as the one-line form of `cli.md`. */
final class ImageFiles {
    /**
     * The images the command running on this thread opened, kept until {@link Main#run} ends: a fault in a
     * mapped file or an out-of-memory error surfaces later than the read that caused it, and names one of them.
     */
    private static final ThreadLocal<List<ZbiImage>> OPENED = ThreadLocal.withInitial(ArrayList::new);

    private ImageFiles() {}

    /** Returns the images opened on this thread since {@link #forgetOpened()}, in order. */
    static List<ZbiImage> opened() {
        return List.copyOf(OPENED.get());
    }

    /** Forgets the images opened on this thread (at the end of a run). */
    static void forgetOpened() {
        OPENED.remove();
    }

    /** Returns {@code image}, remembered for {@link #opened()}. */
    static ZbiImage track(ZbiImage image) {
        OPENED.get().add(image);
        return image;
    }

    /**
     * Opens {@code path} as a ZBI or bare BOOTFS; {@code -} reads the image from standard input.
     *
     * @throws CommandFailure (exit 3) when it is unreadable or breaks a container or header rule
     */
    static ZbiImage open(Path path) {
        try {
            if (path.toString().equals("-")) {
                // Standard input: read whole into memory (a pipe cannot be mapped).
                return ZbiImage.read(java.nio.ByteBuffer.wrap(System.in.readAllBytes()), "-");
            }
            requireRegularFile(path);
            return track(ZbiImage.open(path));
        } catch (ZbiFormatException e) {
            throw CommandFailure.invalidInput(path, e);
        } catch (IOException e) {
            throw CommandFailure.unreadable(path, e);
        }
    }

    /**
     * Refuses a folder, FIFO, socket or device before it is opened: opening a FIFO for reading blocks until a
     * writer appears (a hang), and mapping a folder fails with a misleading "no such device".
     *
     * @throws CommandFailure (exit 3) when {@code path} is not a regular file (after following links)
     * @throws IOException when its attributes cannot be read (e.g. it does not exist)
     */
    static void requireRegularFile(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw CommandFailure.invalidInput(
                    path + ": " + (a.isDirectory() ? "is a directory" : "not a regular file"));
        }
    }

    /** Closes {@code image}, ignoring errors: the image was only read. */
    static void closeQuietly(ZbiImage image) {
        try {
            image.close();
        } catch (IOException e) {
            // A read-only mapping that fails to unmap has lost nothing.
            return;
        }
    }

    /**
     * Returns {@code IMAGE: item N (TYPE) at 0xOFFSET: [entry "NAME": ]REASON}, with {@code warning: } before
     * {@code item} for warnings, as one line (control characters escaped, the path's too).
     */
    static String describe(Path path, Problem p) {
        return IoMessages.printable(path + ": " + (p.severity() == Severity.WARNING ? "warning: " : "") + p.message());
    }

    /**
     * Prints one warning line when {@code item}'s stored CRC does not match its bytes, which a command is about to
     * use anyway ({@code use} says how, e.g. {@code splicing the data anyway}).
     */
    static void warnOnCrcMismatch(Path path, ZbiItem item, String use, PrintWriter err) {
        if (item.crcStatus() == CrcStatus.MISMATCH) {
            err.println("bootsplice: "
                    + IoMessages.printable(
                            path + ": warning: " + Locations.render(item.index(), item.type(), item.offset(), null)
                                    + "CRC mismatch: " + use));
        }
    }

    /** Formats a 32-bit value as {@code 0x%08x}. */
    static String hex32(long value) {
        return "0x" + dev.bootsplice.format.Hex.pad8(value);
    }
}
