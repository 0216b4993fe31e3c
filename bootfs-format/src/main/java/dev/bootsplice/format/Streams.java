package dev.bootsplice.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** Small stream helpers shared by the writers. */
final class Streams {
    /** Bytes copied per step; also the size of the shared zero block. */
    static final int CHUNK = 64 * 1024;

    private static final byte[] ZEROS = new byte[CHUNK];

    private Streams() {}

    /** Writes the remaining bytes of {@code buffer} to {@code out}, advancing the buffer's position. */
    static void write(ByteBuffer buffer, OutputStream out) throws IOException {
        if (buffer.hasArray()) {
            out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            buffer.position(buffer.limit());
            return;
        }
        byte[] chunk = new byte[Math.min(CHUNK, buffer.remaining())];
        while (buffer.hasRemaining()) {
            int n = Math.min(chunk.length, buffer.remaining());
            buffer.get(chunk, 0, n);
            out.write(chunk, 0, n);
        }
    }

    /** Writes {@code count} zero bytes. */
    static void zeros(long count, OutputStream out) throws IOException {
        while (count > 0) {
            int n = (int) Math.min(CHUNK, count);
            out.write(ZEROS, 0, n);
            count -= n;
        }
    }
}
