package dev.bootsplice.cli;

import dev.bootsplice.format.Problem;
import dev.bootsplice.format.Severity;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Opens images for commands and words their problems as the one-line form of `cli.md`. */
final class ImageFiles {
    private ImageFiles() {
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
            return ZbiImage.open(path);
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
            throw CommandFailure.invalidInput(path + ": " + (a.isDirectory() ? "is a directory" : "not a regular file"));
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
     * {@code item} for warnings; TYPE comes from {@code image} when the problem names one of its items.
     */
    static String describe(Path path, ZbiImage image, Problem p) {
        StringBuilder s = new StringBuilder().append(path).append(": ");
        if (p.severity() == Severity.WARNING) {
            s.append("warning: ");
        }
        if (p.item() >= 0) {
            s.append("item ").append(p.item());
            if (image != null && p.item() < image.items().size()) {
                s.append(" (").append(image.items().get(p.item()).type().shortName()).append(')');
            }
            s.append(' ');
        }
        s.append("at 0x").append(Long.toHexString(p.offset())).append(": ");
        if (p.entry() != null) {
            s.append("entry \"").append(IoMessages.printable(p.entry())).append("\": ");
        }
        return s.append(IoMessages.printable(IoMessages.stripClassNames(p.reason()))).toString();
    }

    /** Formats a 32-bit value as {@code 0x%08x}. */
    static String hex32(long value) {
        return "0x" + dev.bootsplice.format.Hex.pad8(value);
    }
}
