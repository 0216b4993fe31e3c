package dev.bootsplice.format;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.xxhash.XXHashFactory;

/** Opens streams that write one compressed frame with the reference tool's parameters (spec §1.8). */
final class FrameCompressor {
    /** LZ4 levels below this use the fast (non-HC) compressor, as liblz4's LZ4F does. */
    private static final int LZ4_HC_MIN_LEVEL = 3;

    private FrameCompressor() {}

    /**
     * Returns a stream whose {@code close()} ends the frame without closing {@code sink}; exactly
     * {@code uncompressedSize} bytes must be written to it.
     */
    static OutputStream open(Compression compression, long uncompressedSize, OutputStream sink) throws IOException {
        if (compression.isNone()) {
            throw new IllegalArgumentException("no codec to open a frame with");
        }
        return switch (compression.codec()) {
            case ZSTD -> new ZstdFrameOutputStream(sink, compression.level(), uncompressedSize);
            case LZ4F -> openLz4(compression.level(), uncompressedSize, sink);
        };
    }

    /** Compresses {@code data} into one frame held in memory (for small payloads and tests). */
    static byte[] compress(Compression compression, byte[] data) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(data.length / 2 + 64);
        try (OutputStream frame = open(compression, data.length, out)) {
            frame.write(data);
        }
        return out.toByteArray();
    }

    /** FLG 0x68 (version 1, independent blocks, content size, no checksums), BD 0x40 (64 KiB blocks). */
    private static OutputStream openLz4(int level, long size, OutputStream sink) throws IOException {
        LZ4Factory factory = LZ4Factory.safeInstance();
        LZ4Compressor compressor = level < LZ4_HC_MIN_LEVEL ? factory.fastCompressor() : factory.highCompressor(level);
        return new LZ4FrameOutputStream(
                new Unclosable(sink),
                LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB,
                size,
                compressor,
                XXHashFactory.safeInstance().hash32(),
                LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE,
                LZ4FrameOutputStream.FLG.Bits.CONTENT_SIZE);
    }

    /** Passes writes through; {@code close()} only flushes, so the sink stays open for the next item. */
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
