package dev.bootsplice.format;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.OptionalLong;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4FrameInputStream;

/**
 * Decompresses compressed storage payloads to exactly {@code extra} bytes (rules S1–S3), allocating no more
 * than the compressed data can really expand to.
 */
final class Decompression {
    /**
     * No valid zstd frame expands by more than this: its densest block is an RLE block, a 3-byte block header
     * plus one byte standing for up to 128 KiB of output, i.e. 131072 / 4.
     */
    static final long MAX_ZSTD_RATIO = 32_768;
    /** No valid LZ4 frame expands by more than this: each extra length byte adds at most 255 output bytes. */
    static final long MAX_LZ4_RATIO = 256;
    /** Allowance on top of the ratio bound for frame headers and one partial block. */
    static final long RATIO_SLACK = 128 << 10;
    /**
     * The whole claimed size is allocated up front only when it is at most this many times the compressed size
     * (typical boot images compress 2–5×); a larger claim may still be true (zero-filled files), but then the
     * output buffer grows with the data actually produced, so a lying header costs at most twice the real output.
     */
    static final long UPFRONT_RATIO = 16;
    /** Absolute cap: payloads are returned as one ByteBuffer, which addresses at most 2^31 − 1 bytes. */
    static final long MAX_UNCOMPRESSED = Integer.MAX_VALUE - 8;
    /** Window limit for streaming zstd (2 GiB windows): the reference tool enables long-distance matching. */
    private static final int ZSTD_MAX_WINDOW_LOG = 31;

    static final String TOO_SMALL = "compressed payload too small for header";
    static final String BAD_MAGIC = "compressed payload magic number not recognized";
    static final String BAD_LENGTH = "bad or corrupted data: uncompressed length not as expected";
    static final String TOO_MUCH = "decompression produced too much data";
    static final String TOO_LITTLE = "decompression produced too little data";

    private Decompression() {}

    /**
     * Returns the decompressed payload of a compressed storage item, exactly {@code extra} bytes long.
     *
     * @throws ZbiFormatException S1/S2 for a short or unknown payload, S3 when the output size differs from
     *     {@code extra} or the claimed size is impossible for the compressed size, or the codec's error
     */
    static ByteBuffer decompress(ZbiItem item) throws ZbiFormatException {
        Codec codec = checkedCodec(item);
        ByteBuffer raw = item.rawPayload();
        return ByteBuffer.wrap(codec == Codec.ZSTD ? zstd(item, raw) : lz4(item, raw));
    }

    /**
     * Opens a stream of the decompressed payload after the same up-front checks as {@link #decompress}; the
     * stream may end early or throw on corrupt data, which the caller reports as S3.
     */
    static InputStream stream(ZbiItem item) throws ZbiFormatException {
        Codec codec = checkedCodec(item);
        InputStream in = new ByteBufferInputStream(item.rawPayload());
        try {
            if (codec == Codec.ZSTD) {
                return new CodecStream(new ZstdInputStreamNoFinalizer(in).setLongMax(ZSTD_MAX_WINDOW_LOG));
            }
            return new CodecStream(new LZ4FrameInputStream(in));
        } catch (IOException | LZ4Exception e) {
            throw item.error(codec.displayName() + ": " + describe(e), e);
        }
    }

    /** Applies S1, S2, the size caps and the frame's declared content size; returns the codec. */
    private static Codec checkedCodec(ZbiItem item) throws ZbiFormatException {
        if (item.length() < 4) {
            throw item.error(TOO_SMALL);
        }
        if (item.length() > ImageBytes.MAX_SLICE) {
            throw item.error("compressed payload larger than 2 GiB not supported by this reader");
        }
        Codec codec = Codec.detect(item.rawPayload(0, 4)).orElseThrow(() -> item.error(BAD_MAGIC));
        long ratio = codec == Codec.ZSTD ? MAX_ZSTD_RATIO : MAX_LZ4_RATIO;
        if (item.extra() > item.length() * ratio + RATIO_SLACK) {
            throw item.error(BAD_LENGTH);
        }
        if (item.extra() > MAX_UNCOMPRESSED) {
            throw item.error("uncompressed size exceeds the reader limit of 2 GiB");
        }
        if (codec == Codec.ZSTD) {
            OptionalLong declared = ZstdFrameHeader.contentSize(item.rawPayload(0, (int) Math.min(18, item.length())));
            if (declared.isPresent() && (declared.getAsLong() < 0 || declared.getAsLong() > item.extra())) {
                throw item.error(TOO_MUCH);
            }
        }
        return codec;
    }

    private static byte[] zstd(ZbiItem item, ByteBuffer raw) throws ZbiFormatException {
        if (item.extra() > item.length() * UPFRONT_RATIO + RATIO_SLACK) {
            try (InputStream in =
                    new ZstdInputStreamNoFinalizer(new ByteBufferInputStream(raw)).setLongMax(ZSTD_MAX_WINDOW_LOG)) {
                return readGrowing(item, in, 4 * item.length() + RATIO_SLACK);
            } catch (IOException e) {
                throw item.error("zstd: " + describe(e), e);
            }
        }
        // One call into the whole output. The compressed bytes reach native code only after a Java copy onto the
        // heap: if a mapped file shrinks meanwhile, the copy faults in Java instead of crashing the JVM (MappedReads).
        byte[] out = new byte[(int) item.extra()];
        int n;
        try (ZstdDecompressCtx ctx = new ZstdDecompressCtx()) {
            byte[] src = new byte[raw.remaining()];
            raw.duplicate().get(src);
            n = ctx.decompressByteArray(out, 0, out.length, src, 0, src.length);
        } catch (ZstdException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            throw item.error(msg.contains("too small") ? TOO_MUCH : "zstd: " + describe(e), e);
        }
        if (n != out.length) {
            throw item.error(TOO_LITTLE + " by " + (out.length - n) + " bytes");
        }
        return out;
    }

    /**
     * Reads exactly {@code extra} bytes from {@code in} into a buffer that starts at a size the compressed data
     * can plausibly produce and doubles only as output arrives.
     */
    private static byte[] readGrowing(ZbiItem item, InputStream in, long initial)
            throws IOException, ZbiFormatException {
        long extra = item.extra();
        byte[] out = new byte[(int) Math.min(extra, initial)];
        int n = 0;
        while (n < extra) {
            if (n == out.length) {
                out = Arrays.copyOf(out, (int) Math.min(extra, 2L * out.length));
            }
            int r = in.read(out, n, out.length - n);
            if (r < 0) {
                throw item.error(TOO_LITTLE + " by " + (extra - n) + " bytes");
            }
            n += r;
        }
        if (in.read() >= 0) {
            throw item.error(TOO_MUCH);
        }
        return out;
    }

    private static byte[] lz4(ZbiItem item, ByteBuffer raw) throws ZbiFormatException {
        long extra = item.extra();
        try (LZ4FrameInputStream in = new LZ4FrameInputStream(new ByteBufferInputStream(raw))) {
            if (in.isExpectedContentSizeDefined() && Long.compareUnsigned(in.getExpectedContentSize(), extra) > 0) {
                throw item.error(TOO_MUCH);
            }
            return readGrowing(item, in, 4 * item.length() + RATIO_SLACK);
        } catch (IOException | LZ4Exception e) {
            throw item.error("lz4f: " + describe(e), e);
        }
    }

    /**
     * A codec's stream whose unchecked codec exceptions ({@link LZ4Exception}, {@link ZstdException}) become
     * {@link IOException}s, so callers catch one checked type and nothing else escapes as a bug.
     */
    private static final class CodecStream extends java.io.FilterInputStream {
        CodecStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (LZ4Exception | ZstdException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (LZ4Exception | ZstdException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    /** Scratch size for {@link #measure}: big enough for streaming speed, small against any heap. */
    static final int MEASURE_CHUNK = 1 << 20;

    /**
     * Checks that a compressed storage item decompresses to exactly {@code extra} bytes (S1–S3) by streaming
     * it through a fixed scratch buffer, so the check costs no memory for the output.
     *
     * @throws ZbiFormatException with the same reasons as {@link #decompress}
     */
    static void measure(ZbiItem item) throws ZbiFormatException {
        streamTo(item, (offset, chunk) -> {});
    }

    /**
     * Streams a compressed storage item's output to {@code sink} through one scratch buffer, checking that it is
     * exactly {@code extra} bytes (S1–S3).
     *
     * @throws ZbiFormatException with the same reasons as {@link #decompress}
     */
    static void streamTo(ZbiItem item, ChunkSink sink) throws ZbiFormatException {
        byte[] scratch = new byte[(int) Math.min(MEASURE_CHUNK, Math.max(1, item.extra() + 1))];
        long produced = 0;
        try (InputStream in = stream(item)) {
            for (int r; (r = in.read(scratch)) >= 0; ) {
                if (produced + r > item.extra()) {
                    throw item.error(TOO_MUCH);
                }
                sink.accept(produced, ByteBuffer.wrap(scratch, 0, r).asReadOnlyBuffer());
                produced += r;
            }
        } catch (IOException e) {
            throw item.error(item.codec().map(Codec::displayName).orElse("decompression") + ": " + describe(e), e);
        }
        if (produced < item.extra()) {
            throw item.error(TOO_LITTLE + " by " + (item.extra() - produced) + " bytes");
        }
    }

    /**
     * Decompresses a compressed storage item into a fresh temporary file {@code .bootsplice-DIGITS.tmp} in
     * {@code folder} and returns it mapped read-only; the file is removed before this returns (the mapping keeps
     * its pages), so neither the heap nor the folder keeps the payload.
     *
     * @throws ZbiFormatException with the same reasons as {@link #decompress}
     * @throws IOException when the temporary file cannot be written (no space, read-only file system)
     */
    static ByteBuffer decompressToFile(ZbiItem item, Path folder) throws ZbiFormatException, IOException {
        Path tmp = Files.createTempFile(folder, ".bootsplice-", ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            try {
                streamTo(item, (offset, chunk) -> writeFully(ch, chunk));
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, item.extra()).order(ByteOrder.LITTLE_ENDIAN);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer chunk) {
        try {
            while (chunk.hasRemaining()) {
                ch.write(chunk);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The codec's own words for a failure: the innermost cause's message (wrappers such as {@code new
     * IOException(cause)} word themselves as the cause's class and message).
     */
    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() != null ? t.getMessage() : e.getMessage();
        return message == null || message.isBlank() ? "corrupt compressed data" : message;
    }
}
