package dev.bootsplice.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either nothing (or the old file) or the complete new file: the bytes
 * go to a temporary file in the same folder, are forced to disk, and the temporary file is then linked or
 * renamed into place. An interrupted write leaves no partial target.
 */
public final class AtomicFiles {
    private static final int BUFFER = 1 << 20;
    /** Temporary names tried before giving up (a clash needs another writer with the same random name). */
    private static final int MAX_NAME_ATTEMPTS = 16;

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    /**
     * The names a killed write can leave: {@code .OUT.HEX.tmp} (this class) and {@code .bootsplice-DIGITS.tmp}
     * (an extraction's file in flight, a payload spooled by {@link ZbiItem#payloadInFile}).
     */
    private static final java.util.regex.Pattern LEFTOVER =
            java.util.regex.Pattern.compile("\\.bootsplice-[0-9a-f]+\\.tmp|\\..+\\.[0-9a-f]{1,16}\\.tmp");

    /** Writes bytes to a stream; may fail with an I/O error. */
    @FunctionalInterface
    public interface IOConsumer<T> {
        /** Consumes {@code value}. */
        void accept(T value) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Creates {@code target} with the bytes {@code body} writes (the stream is closed afterwards).
     *
     * @throws FileAlreadyExistsException when {@code target} exists and {@code force} is false
     * @throws IOException when writing fails; the target is then unchanged and the temporary file removed
     */
    public static void write(Path target, boolean force, IOConsumer<OutputStream> body) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (!force && Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString(), null, "already exists");
        }
        Path folder = absolute.getParent();
        Path temp = null;
        try {
            temp = reserveTemporary(folder, absolute.getFileName().toString());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
                body.accept(out);
                out.flush();
                channel.force(true);
            }
            publish(temp, absolute, force);
            syncFolder(folder);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Returns true for a file name a killed run of this library or of {@code extract} may have left behind: such
     * files are temporary, never content, and packing them would put half-written bytes into an image.
     */
    public static boolean isLeftover(String fileName) {
        return LEFTOVER.matcher(fileName).matches();
    }

    /**
     * Creates an empty, uniquely named hidden file in {@code folder}, like any new file (mode 0666 less the
     * umask), unlike {@code createTempFile}'s owner-only 0600.
     */
    private static Path reserveTemporary(Path folder, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = folder.resolve("." + name + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            try {
                FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                        .close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= MAX_NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Moves {@code temp} to {@code target}: a rename when replacing, else a hard link that fails if the target appeared. */
    private static void publish(Path temp, Path target, boolean force) throws IOException {
        if (force) {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            // No hard links here (e.g. some network or FAT file systems): a rename is the next best thing.
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Makes the new directory entry durable where the platform allows opening a folder; best effort. */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some platforms cannot open or sync a directory; the data itself was forced above.
            return;
        }
    }
}
