package dev.bootsplice.format;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Payload access for the writers that turns the reader's format errors into I/O errors naming the image. */
final class WriterPayloads {
    /** Largest payload copied onto the heap by {@link #bytes}: CMDLINE and kernel-sized items. */
    static final int MAX_SMALL_PAYLOAD = 64 << 20;

    private WriterPayloads() {}

    /**
     * Returns a copy of the item's (decompressed) payload.
     *
     * @throws IOException when it cannot be decompressed or exceeds {@link #MAX_SMALL_PAYLOAD}
     */
    static byte[] bytes(ZbiImage image, ZbiItem item) throws IOException {
        if (item.uncompressedSize() > MAX_SMALL_PAYLOAD) {
            throw new IOException(image.name() + ": " + Locations.render(item.index(), item.type(), item.offset(), null)
                    + item.uncompressedSize() + " bytes is too large to merge");
        }
        try {
            ByteBuffer payload = item.payload();
            byte[] out = new byte[payload.remaining()];
            payload.duplicate().get(out);
            return out;
        } catch (ZbiFormatException e) {
            throw new IOException(image.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns a small file's bytes (a CMDLINE fragment).
     *
     * @throws IOException when it cannot be read or exceeds {@link #MAX_SMALL_PAYLOAD}
     */
    static byte[] smallFile(java.nio.file.Path file) throws IOException {
        long size = java.nio.file.Files.size(file);
        if (size > MAX_SMALL_PAYLOAD) {
            throw new IOException(file + ": " + size + " bytes is too large for a CMDLINE item");
        }
        return java.nio.file.Files.readAllBytes(file);
    }

    /** Returns a replayable source that reads {@code file} each time it is written. */
    static PayloadSource file(java.nio.file.Path file) throws IOException {
        return FileSources.file(file);
    }

    /** Returns the file's bytes mapped read-only (not copied onto the heap). */
    static ByteBuffer map(java.nio.file.Path file) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            if (channel.size() > ZbiConstants.UINT32_MAX) {
                throw new IOException(file + ": " + channel.size() + " bytes exceeds the item size maximum");
            }
            return channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
    }
}
