package dev.bootsplice.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Forward-only random access to a decompressed stream: bytes are read on demand and those before the last
 * {@link #release} point are dropped, so walking a BOOTFS directory costs memory for one dirent, not for the
 * directory or the payload. Bytes past the end of the stream read as zero.
 */
final class StreamWindow {
    private static final int INITIAL = 64 << 10;

    private final InputStream in;
    private byte[] buffer = new byte[INITIAL];
    /** Index in {@code buffer} of the byte at stream offset {@link #base}. */
    private int start;
    /** Stream offset of {@code buffer[start]}. */
    private long base;
    /** Valid bytes in {@code buffer} from {@code start}. */
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
        return at < base + count ? buffer[start + (int) (at - base)] : 0;
    }

    /** Returns the little-endian 32-bit value at {@code at}. */
    int getInt(long at) {
        return (get(at) & 0xff) | (get(at + 1) & 0xff) << 8 | (get(at + 2) & 0xff) << 16 | (get(at + 3) & 0xff) << 24;
    }

    /** Drops every byte before stream offset {@code at} (their room is reused when the buffer next fills). */
    void release(long at) {
        int drop = (int) Math.min(count, Math.max(0, at - base));
        start += drop;
        count -= drop;
        base += drop;
    }

    /** Reads more of the stream; at the buffer's end the kept bytes move to the front, into a larger buffer when over half. */
    private void fill() {
        if (start + count == buffer.length) {
            byte[] to = count > buffer.length / 2 ? new byte[buffer.length * 2] : buffer;
            System.arraycopy(buffer, start, to, 0, count);
            buffer = to;
            start = 0;
        }
        try {
            int r = in.read(buffer, start + count, buffer.length - start - count);
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
