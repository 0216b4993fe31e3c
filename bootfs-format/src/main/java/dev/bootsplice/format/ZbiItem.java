package dev.bootsplice.format;

import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * One item of a ZBI: its header fields as stored, its payload as a slice of the image and, for compressed
 * storage items, the decompressed payload. A bare BOOTFS image has one synthetic BOOTFS item at offset 0
 * whose payload is the whole file.
 */
public final class ZbiItem {
    /** CRC and payload views are produced in chunks of this size so payloads beyond 2 GiB need no single buffer. */
    private static final int CHUNK = 64 << 20;

    private final ImageBytes bytes;
    private final int index;
    /** Offset of the item header in the image (0 for the synthetic item of a bare BOOTFS). */
    private final long offset;
    /** The 32 header bytes as stored; empty for the synthetic item. */
    private final byte[] header;

    private final ItemType type;
    private final long length;
    private final long extra;
    private final int flags;
    private final long reserved0;
    private final long reserved1;
    private final long storedCrc32;
    private final boolean synthetic;

    private volatile long computedCrc = -1;
    private volatile SoftReference<ByteBuffer> decompressed = new SoftReference<>(null);
    /** True once the whole payload was decompressed to exactly {@code extra} bytes (S1–S3 hold). */
    private volatile boolean decompressionChecked;

    private ZbiItem(ImageBytes bytes, int index, long offset, byte[] header, ByteBuffer h, boolean synthetic) {
        this.bytes = bytes;
        this.index = index;
        this.offset = offset;
        this.header = header;
        this.synthetic = synthetic;
        this.type = ItemType.of(h.getInt(0));
        this.length = ZbiConstants.u32(h.getInt(4));
        this.extra = ZbiConstants.u32(h.getInt(8));
        this.flags = h.getInt(12);
        this.reserved0 = ZbiConstants.u32(h.getInt(16));
        this.reserved1 = ZbiConstants.u32(h.getInt(20));
        this.storedCrc32 = ZbiConstants.u32(h.getInt(28));
    }

    /** Creates the item whose 32-byte header is {@code header} at {@code offset}; the caller has checked the payload fits. */
    static ZbiItem fromHeader(ImageBytes bytes, int index, long offset, byte[] header) {
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        return new ZbiItem(bytes, index, offset, header, h, false);
    }

    /** Creates the synthetic BOOTFS item covering a whole bare BOOTFS image (no CRC, extra = length). */
    static ZbiItem bareBootfs(ImageBytes bytes) {
        ByteBuffer h = ByteBuffer.allocate(ZbiConstants.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, ItemType.BOOTFS.code())
                .putInt(4, (int) bytes.size())
                .putInt(8, (int) bytes.size())
                .putInt(12, ZbiConstants.FLAGS_VERSION)
                .putInt(24, ZbiConstants.ITEM_MAGIC)
                .putInt(28, ZbiConstants.ITEM_NO_CRC32);
        return new ZbiItem(bytes, 0, 0, new byte[0], h, true);
    }

    public int index() {
        return index;
    }

    /** Returns the offset of the item header from the start of the image (the container header is at 0). */
    public long offset() {
        return offset;
    }

    /** Returns the offset of the first payload byte in the image. */
    public long payloadOffset() {
        return synthetic ? 0 : offset + ZbiConstants.HEADER_SIZE;
    }

    public ItemType type() {
        return type;
    }

    /** Returns the stored payload size (compressed size for compressed items). */
    public long length() {
        return length;
    }

    public long extra() {
        return extra;
    }

    public int flags() {
        return flags;
    }

    public long reserved0() {
        return reserved0;
    }

    public long reserved1() {
        return reserved1;
    }

    /** Returns true for the pseudo-item of a bare BOOTFS image, which has no header in the file. */
    public boolean isSynthetic() {
        return synthetic;
    }

    /** Returns a copy of the 32 header bytes as stored (empty for the synthetic item, whose CRC is meaningless). */
    public byte[] header() {
        return header.clone();
    }

    public long storedCrc32() {
        return storedCrc32;
    }

    /** Returns true when the CRC32 flag is set. */
    public boolean hasCrc32() {
        return (flags & ZbiConstants.FLAGS_CRC32) != 0;
    }

    /** Returns true when this is a storage item with the COMPRESSED flag (bit 0 means nothing on other types). */
    public boolean isCompressed() {
        return type.isStorage() && (flags & ZbiConstants.FLAGS_STORAGE_COMPRESSED) != 0;
    }

    /** Returns true when bit 0 is set on a non-storage type (rule S6); such payloads are not decompressed. */
    public boolean hasCompressedFlagOnNonStorage() {
        return !type.isStorage() && (flags & ZbiConstants.FLAGS_STORAGE_COMPRESSED) != 0;
    }

    /** Returns the compression format named by the payload magic, for compressed items only. */
    public Optional<Codec> codec() {
        if (!isCompressed() || length < 4) {
            return Optional.empty();
        }
        return Codec.detect(bytes.slice(payloadOffset(), 4));
    }

    /** Returns {@code extra} when compressed, else {@code length} (spec §1.8 quirk: tools write extra = 0). */
    public long uncompressedSize() {
        return isCompressed() ? extra : length;
    }

    /**
     * Returns the stored payload as a read-only little-endian slice of the image.
     *
     * @throws IllegalStateException when the payload exceeds 2 GiB − 1 bytes; use {@link #rawPayload(long, int)}
     */
    public ByteBuffer rawPayload() {
        if (length > ImageBytes.MAX_SLICE) {
            throw new IllegalStateException("item " + index + ": payload of " + length + " bytes exceeds one buffer");
        }
        return bytes.slice(payloadOffset(), length);
    }

    /** Returns {@code [from, from + count)} of the stored payload as a read-only slice. */
    public ByteBuffer rawPayload(long from, int count) {
        if (from < 0 || count < 0 || from > length - count) {
            throw new IndexOutOfBoundsException("range " + from + "+" + count + " outside payload of " + length);
        }
        return bytes.slice(payloadOffset() + from, count);
    }

    /**
     * Returns the payload: decompressed to exactly {@link #uncompressedSize()} bytes for compressed items
     * (cached while memory allows), else the raw slice.
     *
     * @throws ZbiFormatException when decompression fails or yields a size other than {@code extra} (S1–S3)
     */
    public ByteBuffer payload() throws ZbiFormatException {
        if (!isCompressed()) {
            if (length > ImageBytes.MAX_SLICE) {
                throw error("payload larger than 2 GiB not supported by this reader");
            }
            return rawPayload();
        }
        ByteBuffer cached = decompressed.get();
        if (cached == null) {
            cached = Decompression.decompress(this).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
            decompressed = new SoftReference<>(cached);
            decompressionChecked = true;
        }
        return cached.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Returns true when the decompressed payload is in memory already (so S1–S3 are known to hold). */
    boolean hasDecompressedPayload() {
        return isCompressed() && decompressed.get() != null;
    }

    /**
     * Returns true when the decompressed payload takes at most a quarter of the maximum heap, so holding it
     * (see {@link #payload()}) leaves room for the rest of the work; larger payloads are streamed.
     */
    public boolean payloadFitsHeap() {
        return uncompressedSize() <= Runtime.getRuntime().maxMemory() / 4;
    }

    /**
     * Checks that the payload (bit 0 set, on any type) decompresses to exactly {@code extra} bytes (S1–S3) by
     * streaming it, unless an earlier {@link #payload()}, {@link #readPayload} or check of this item has
     * decompressed it whole already: the listing and the checker share one pass.
     *
     * @throws ZbiFormatException as for {@link #payload()}
     */
    void checkDecompression() throws ZbiFormatException {
        if (!decompressionChecked) {
            Decompression.measure(this);
            decompressionChecked = true;
        }
    }

    /**
     * Hands the (decompressed) payload to {@code sink} in order, in chunks of at most 1 MiB, without holding it
     * whole: a compressed payload is streamed and checked to be exactly {@code extra} bytes (S1–S3).
     *
     * @throws ZbiFormatException as for {@link #payload()}
     */
    public void readPayload(ChunkSink sink) throws ZbiFormatException {
        if (isCompressed()) {
            Decompression.streamTo(this, sink);
            decompressionChecked = true;
            return;
        }
        if (length > ImageBytes.MAX_SLICE) {
            throw error("payload larger than 2 GiB not supported by this reader");
        }
        for (long at = 0; at < length; at += Decompression.MEASURE_CHUNK) {
            sink.accept(at, rawPayload(at, (int) Math.min(Decompression.MEASURE_CHUNK, length - at)));
        }
    }

    /**
     * Returns the payload as {@link #payload()} does, but a compressed payload is decompressed into a temporary
     * file in {@code folder} (removed before this returns) and mapped, so it costs no heap: for payloads larger
     * than the heap can hold.
     *
     * @throws ZbiFormatException as for {@link #payload()}
     * @throws IOException when the temporary file cannot be written
     */
    public ByteBuffer payloadInFile(java.nio.file.Path folder) throws ZbiFormatException, java.io.IOException {
        if (!isCompressed()) {
            return payload();
        }
        return Decompression.decompressToFile(this, folder).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Returns the CRC-32 of the header with its crc32 field zeroed followed by the stored payload (spec §1.6). */
    public long computeCrc32() {
        long crc = computedCrc;
        if (crc < 0) {
            CRC32 c = new CRC32();
            c.update(headerWithZeroCrc());
            for (long at = 0; at < length; at += CHUNK) {
                MappedReads.updateCrc(c, rawPayload(at, (int) Math.min(CHUNK, length - at)));
            }
            crc = c.getValue();
            computedCrc = crc;
        }
        return crc;
    }

    /** Returns NONE without the CRC32 flag, else OK or MISMATCH by comparing with {@link #computeCrc32()}. */
    public CrcStatus crcStatus() {
        if (!hasCrc32()) {
            return CrcStatus.NONE;
        }
        return computeCrc32() == storedCrc32 ? CrcStatus.OK : CrcStatus.MISMATCH;
    }

    /**
     * Returns true when the stored CRC of this uncompressed BOOTFS item is wrong in exactly the way the
     * reference tool miscomputes it for a BOOTFS containing an empty file (spec §4.9).
     */
    public boolean crcMatchesEmptyFileDefect() {
        return crcStatus() == CrcStatus.MISMATCH && EmptyFileCrcDefect.matches(this);
    }

    /** Returns the header bytes with the crc32 field replaced by zero, as covered by the CRC. */
    byte[] headerWithZeroCrc() {
        byte[] h = header.clone();
        Arrays.fill(h, ZbiConstants.CRC32_FIELD_OFFSET, ZbiConstants.HEADER_SIZE, (byte) 0);
        return h;
    }

    /** Returns a format exception about this item, located at its header offset. */
    ZbiFormatException error(String reason) {
        return new ZbiFormatException(reason, index, type, offset, null);
    }

    /** As {@link #error(String)}, keeping the codec's or reader's exception as the cause. */
    ZbiFormatException error(String reason, Throwable cause) {
        ZbiFormatException e = error(reason);
        e.initCause(cause);
        return e;
    }

    @Override
    public String toString() {
        return Locations.render(index, type, offset, null)
                + String.format("length %d, extra %d, flags 0x%08x", length, extra, flags);
    }
}
