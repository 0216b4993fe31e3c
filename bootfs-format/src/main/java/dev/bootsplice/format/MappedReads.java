package dev.bootsplice.format;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Reads of possibly memory-mapped buffers that stay safe when the file shrinks underneath: native code (the
 * CRC32 intrinsic, a codec's JNI call) that touches a page past the new end of file gets a SIGBUS that kills
 * the JVM, while Java's own buffer reads turn that fault into an {@link InternalError} the caller can report.
 * So mapped bytes reach native code only after a Java copy onto the heap.
 */
final class MappedReads {
    /** Copy size: large enough that the copy costs little beside the CRC, small against any heap. */
    private static final int CHUNK = 64 << 10;

    private MappedReads() {}

    /** Feeds the remaining bytes of {@code src} (not consumed) to {@code crc} through a heap buffer. */
    static void updateCrc(CRC32 crc, ByteBuffer src) {
        if (!src.isDirect()) {
            crc.update(src.duplicate());
            return;
        }
        ByteBuffer b = src.duplicate();
        byte[] chunk = new byte[Math.min(CHUNK, b.remaining())];
        while (b.hasRemaining()) {
            int n = Math.min(chunk.length, b.remaining());
            b.get(chunk, 0, n);
            crc.update(chunk, 0, n);
        }
    }
}
