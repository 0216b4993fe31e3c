package dev.bootsplice.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The extraction guarantees of {@code extract} for other packages (the {@code zbi} command): files written
 * only below one folder, through a temporary file, never through a symbolic link; refusals and I/O failures
 * come back as {@link IOException}s worded for users.
 */
public final class SafeFiles {
    private final SafeExtractor extractor;

    private SafeFiles(SafeExtractor extractor) {
        this.extractor = extractor;
    }

    /**
     * Opens (creating if missing) the folder {@code dir}; with {@code force}, existing files are replaced.
     *
     * @throws IOException when it cannot be created or is not a folder
     */
    public static SafeFiles under(Path dir, boolean force) throws IOException {
        return new SafeFiles(new SafeExtractor(dir, force));
    }

    /**
     * Writes {@code content} as {@code name} below the folder and returns the file.
     *
     * @throws IOException when the name is unsafe ({@code NAME: not extracted: REASON}) or writing fails
     */
    public Path write(String name, ByteBuffer content) throws IOException {
        try {
            return extractor.write(name, content);
        } catch (ExtractionRefused r) {
            throw new IOException("\"" + IoMessages.printable(name) + "\": not extracted: " + r.reason(), r);
        }
    }

    /**
     * Makes {@code name} a hard link to {@code existing} (or a copy where links are refused).
     *
     * @throws IOException as for {@link #write}
     */
    public void link(String name, Path existing) throws IOException {
        try {
            extractor.link(name, existing);
        } catch (ExtractionRefused r) {
            throw new IOException("\"" + IoMessages.printable(name) + "\": not extracted: " + r.reason(), r);
        }
    }

    /** Returns {@code FILE: REASON} for an I/O failure, never naming an exception class. */
    public static String describe(IOException e) {
        return IoMessages.printable(IoMessages.stripClassNames(IoMessages.describe(e)));
    }
}
