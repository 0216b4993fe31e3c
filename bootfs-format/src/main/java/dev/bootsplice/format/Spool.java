package dev.bootsplice.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Holds bytes written once and read back once: in memory up to {@link #MEMORY_LIMIT}, then in a temporary
 * file, so a compressed payload of any size can be measured before its header is written. Keeps the CRC-32
 * of everything written.
 */
final class Spool extends OutputStream {
    /** Payloads up to this size stay on the heap; larger ones go to a temporary file. */
    static final int MEMORY_LIMIT = 64 << 20;

    private final int memoryLimit;
    private final CRC32 crc = new CRC32();
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream fileOut;
    private long length;

    Spool() {
        this(MEMORY_LIMIT);
    }

    /** Creates a spool that moves to a temporary file once more than {@code memoryLimit} bytes are written. */
    Spool(int memoryLimit) {
        this.memoryLimit = memoryLimit;
    }

    /** Returns the temporary file, or null while the bytes are in memory. */
    Path file() {
        return file;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        crc.update(b, off, len);
        length += len;
        if (fileOut == null && memory.size() + (long) len > memoryLimit) {
            file = Files.createTempFile("bootsplice-", ".spool");
            fileOut = new java.io.BufferedOutputStream(Files.newOutputStream(file), Streams.CHUNK);
            memory.writeTo(fileOut);
            memory = null;
        }
        if (fileOut != null) {
            fileOut.write(b, off, len);
        } else {
            memory.write(b, off, len);
        }
    }

    /** Returns how many bytes were written. */
    long length() {
        return length;
    }

    /** Returns the CRC-32 of the bytes written. */
    long crc32() {
        return crc.getValue();
    }

    /** Copies the spooled bytes to {@code out}. */
    void copyTo(OutputStream out) throws IOException {
        if (fileOut == null) {
            memory.writeTo(out);
            return;
        }
        fileOut.flush();
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(out);
        }
    }

    /** Releases the memory and deletes the temporary file, if any. */
    @Override
    public void close() throws IOException {
        memory = null;
        if (fileOut != null) {
            fileOut.close();
            Files.deleteIfExists(file);
            fileOut = null;
        }
    }
}
