package dev.bootsplice.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Forward-only random access to a decompressed stream: bytes are read on demand and those before the last
 * {@link #release} point are dropped, so walking a BOOTFS directory costs memory for one dirent, not for the
 * directory or the payload. Bytes past the end of the stream read as zero.
 */
final class StreamWindow {
    private static final int INITIAL = 64 << 10;

    private final InputStream in;
    private byte[] buffer = new byte[INITIAL];
    /** Stream offset of {@code buffer[0]}. */
    private long base;
    /** Valid bytes in {@code buffer}. */
    private int count;

    private boolean ended;

    StreamWindow(InputStream in) {
        this.in = in;
    }

    /**
     * Returns the byte at stream offset {@code at}, which must not be before the last release point.
     *
     * @throws UncheckedIOException when the codec fails (the caller has checked the stream beforehand)
     */
    byte get(long at) {
        if (at < base) {
            throw new IllegalArgumentException("offset " + at + " released already (window starts at " + base + ")");
        }
        while (at >= base + count && !ended) {
            fill();
        }
        return at < base + count ? buffer[(int) (at - base)] : 0;
    }

    /** Returns the little-endian 32-bit value at {@code at}. */
    int getInt(long at) {
        return (get(at) & 0xff) | (get(at + 1) & 0xff) << 8 | (get(at + 2) & 0xff) << 16 | (get(at + 3) & 0xff) << 24;
    }

    /** Drops every byte before stream offset {@code at}. */
    void release(long at) {
        int drop = (int) Math.min(count, Math.max(0, at - base));
        System.arraycopy(buffer, drop, buffer, 0, count - drop);
        count -= drop;
        base += drop;
    }

    private void fill() {
        if (count == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        try {
            int r = in.read(buffer, count, buffer.length - count);
            if (r < 0) {
                ended = true;
            } else {
                count += r;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
