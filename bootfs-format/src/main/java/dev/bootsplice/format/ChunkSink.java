package dev.bootsplice.format;

import java.nio.ByteBuffer;

/** Receives bytes in order, one chunk at a time; {@code chunk} is valid only during the call. */
@FunctionalInterface
public interface ChunkSink {
    /** Takes the bytes {@code chunk} holds (position to limit), which start at {@code offset} of the whole. */
    void accept(long offset, ByteBuffer chunk);
}
