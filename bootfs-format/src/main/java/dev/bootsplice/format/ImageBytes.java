package dev.bootsplice.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Read-only random access to the bytes of an image: one little-endian buffer when the image fits in a
 * {@link ByteBuffer} (a whole-file memory map or a caller's buffer), else a file channel mapped region by
 * region on demand, so that images up to 4 GiB are read without copying them onto the heap.
 */
final class ImageBytes implements AutoCloseable {
    /** Largest region one ByteBuffer can address. */
    static final long MAX_SLICE = Integer.MAX_VALUE;

    /** The whole image, or null when the image is larger than {@link #MAX_SLICE} and read through {@link #channel}. */
    private final ByteBuffer whole;
    /** Open only for images larger than {@link #MAX_SLICE}; regions are mapped from it on demand. */
    private final FileChannel channel;

    private final long size;

    private ImageBytes(ByteBuffer whole, FileChannel channel, long size) {
        this.whole = whole;
        this.channel = channel;
        this.size = size;
    }

    /** Wraps the remaining bytes of {@code bytes} (position to limit) without copying. */
    static ImageBytes of(ByteBuffer bytes) {
        ByteBuffer view = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
        return new ImageBytes(view, null, view.remaining());
    }

    /** Maps {@code file} read-only: whole when it fits one buffer, else region by region. */
    static ImageBytes map(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = ch.size();
            if (size <= MAX_SLICE) {
                ByteBuffer mapped =
                        ch.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN);
                ch.close();
                return new ImageBytes(mapped, null, size);
            }
            return new ImageBytes(null, ch, size);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Returns the image size in bytes. */
    long size() {
        return size;
    }

    /**
     * Returns a read-only little-endian view of {@code [offset, offset + length)}; the caller has checked
     * that the range lies inside the image and that {@code length <= MAX_SLICE}.
     */
    ByteBuffer slice(long offset, long length) {
        if (offset < 0 || length < 0 || length > MAX_SLICE || offset > size - length) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside image of " + size);
        }
        if (whole != null) {
            return whole.slice((int) offset, (int) length).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        }
        try {
            return channel.map(FileChannel.MapMode.READ_ONLY, offset, length).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map image range at " + offset, e);
        }
    }

    /** Copies {@code dst.length} bytes starting at {@code offset} into {@code dst} (used for headers). */
    void read(long offset, byte[] dst) {
        ByteBuffer region = slice(offset, dst.length);
        region.get(dst);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
