package dev.bootsplice.format;

import dev.bootsplice.format.PendingItem.PreparedItem;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Writes a ZBI (spec §1, §4.3): the container header, then each item in the order added with its payload
 * zero-padded to 8 bytes. New items carry {@code VERSION|CRC32} and a real CRC-32; compressed storage items
 * add bit 0 and record the uncompressed size in {@code extra}; uncompressed storage items get
 * {@code extra = length}; copied items keep their headers exactly.
 */
public final class ZbiWriter {
    /** Largest total output: the reference tool's {@code UINT32_MAX - sizeof(zbi_header_t) + 1}. */
    static final long MAX_OUTPUT = (1L << 32) - ZbiConstants.HEADER_SIZE;

    private final List<PendingItem> items = new ArrayList<>();
    /** New uncompressed storage items get {@code extra = 0} (the 2020 tool's convention, spec §1.8). */
    private boolean legacyExtra;

    /**
     * Makes later uncompressed storage items carry {@code extra = 0} as the 2020 reference tool writes them,
     * instead of {@code extra = length}; for reproducing that tool's listings only (zbitl reads {@code extra}).
     */
    public ZbiWriter legacyUncompressedExtra(boolean legacy) {
        this.legacyExtra = legacy;
        return this;
    }

    /**
     * Adds a new item with the payload stored as given, {@code extra} as given, and a CRC-32.
     *
     * @throws IllegalArgumentException when {@code extra} is not a uint32
     */
    public ZbiWriter addItem(ItemType type, long extra, ByteBuffer payload) {
        checkU32(extra, "extra");
        items.add(PendingItem.raw(type.code(), extra, PayloadSource.of(payload)));
        return this;
    }

    /** Adds a storage item (BOOTFS, RAMDISK, STORAGE_KERNEL) whose payload is compressed as asked. */
    public ZbiWriter addStorageItem(ItemType type, ByteBuffer payload, Compression compression) {
        return addStorageItem(type, PayloadSource.of(payload), compression);
    }

    /** Adds the image a builder writes as a storage item, streamed rather than built in memory. */
    public ZbiWriter addStorageItem(ItemType type, BootfsBuilder bootfs, Compression compression)
            throws UsageException, IOException {
        return addStorageItem(type, bootfs.layout(), compression);
    }

    ZbiWriter addStorageItem(ItemType type, PayloadSource payload, Compression compression) {
        items.add(
                legacyExtra
                        ? PendingItem.legacyStorage(type.code(), payload, compression)
                        : PendingItem.storage(type.code(), payload, compression));
        return this;
    }

    /**
     * Adds a copy of an item of another image with its header exactly as stored (flags, CRC, reserved fields)
     * and its payload as stored (still compressed). The pseudo-item of a bare BOOTFS, which has no header,
     * becomes a new uncompressed BOOTFS item.
     */
    public ZbiWriter copyItem(ZbiItem item) {
        PayloadSource raw = rawPayloadOf(item);
        if (item.isSynthetic()) {
            return addStorageItem(item.type(), raw, Compression.NONE);
        }
        items.add(PendingItem.copy(ByteBuffer.wrap(item.header()), raw));
        return this;
    }

    /** Returns the stored payload of {@code item}, read in chunks so items over 2 GiB work too. */
    static PayloadSource rawPayloadOf(ZbiItem item) {
        return new PayloadSource() {
            @Override
            public long size() {
                return item.length();
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                for (long at = 0; at < item.length(); at += Streams.CHUNK) {
                    Streams.write(item.rawPayload(at, (int) Math.min(Streams.CHUNK, item.length() - at)), out);
                }
            }
        };
    }

    /** Adds an item with every header field given (as read from another image) and its payload as stored. */
    ZbiWriter addCopy(ByteBuffer header, PayloadSource rawPayload) {
        items.add(PendingItem.copy(header, rawPayload));
        return this;
    }

    /** Returns how many items have been added. */
    public int itemCount() {
        return items.size();
    }

    /**
     * Writes the whole ZBI to {@code out} (flushed, not closed).
     *
     * @throws UsageException when the output would exceed 4 GiB − 32 bytes or a payload exceeds 32-bit sizes
     * @throws IOException when a payload cannot be read or {@code out} fails
     */
    public void writeTo(OutputStream out) throws UsageException, IOException {
        List<PreparedItem> prepared = prepare();
        try {
            emit(prepared, out);
        } finally {
            release(prepared);
        }
    }

    /**
     * Writes the ZBI to a new file atomically; refuses to replace an existing one.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the file exists
     */
    public void writeTo(Path file) throws UsageException, IOException {
        writeTo(file, false);
    }

    /**
     * Writes the ZBI to {@code file} atomically (see {@link AtomicFiles}).
     *
     * @throws java.nio.file.FileAlreadyExistsException when the file exists and {@code force} is false
     */
    public void writeTo(Path file, boolean force) throws UsageException, IOException {
        List<PreparedItem> prepared = prepare();
        try {
            AtomicFiles.write(file, force, out -> emit(prepared, out));
        } finally {
            release(prepared);
        }
    }

    /** Returns the ZBI as one array; for images under 2 GiB. */
    public byte[] toBytes() throws UsageException, IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        writeTo(out);
        return out.toByteArray();
    }

    private List<PreparedItem> prepare() throws UsageException, IOException {
        List<PreparedItem> prepared = new ArrayList<>(items.size());
        try {
            long total = ZbiConstants.HEADER_SIZE;
            for (PendingItem item : items) {
                PreparedItem p = item.prepare();
                prepared.add(p);
                total += ZbiConstants.HEADER_SIZE + ZbiConstants.roundUp8(p.length());
                if (total > MAX_OUTPUT) {
                    throw new UsageException("output size exceeds format maximum (" + MAX_OUTPUT + " bytes)");
                }
            }
            return prepared;
        } catch (UsageException | IOException | RuntimeException e) {
            release(prepared);
            throw e;
        }
    }

    private static void emit(List<PreparedItem> prepared, OutputStream sink) throws IOException {
        OutputStream out = new BufferedOutputStream(new CountingOutputStream(sink), Streams.CHUNK);
        long length = 0;
        for (PreparedItem p : prepared) {
            length += ZbiConstants.HEADER_SIZE + ZbiConstants.roundUp8(p.length());
        }
        out.write(containerHeader(length));
        for (PreparedItem p : prepared) {
            out.write(p.header());
            p.writePayload(out);
            Streams.zeros(ZbiConstants.roundUp8(p.length()) - p.length(), out);
        }
        out.flush();
    }

    private static void release(List<PreparedItem> prepared) throws IOException {
        for (PreparedItem p : prepared) {
            p.close();
        }
    }

    /** Returns {@code {BOOT, length, CONTAINER_MAGIC, VERSION, 0, 0, ITEM_MAGIC, NO_CRC32}}. */
    static byte[] containerHeader(long length) {
        return header(
                ZbiConstants.TYPE_CONTAINER,
                length,
                ZbiConstants.u32(ZbiConstants.CONTAINER_MAGIC),
                ZbiConstants.FLAGS_VERSION,
                ZbiConstants.ITEM_NO_CRC32);
    }

    /** Returns a 32-byte header with zero reserved fields. */
    static byte[] header(int type, long length, long extra, int flags, int crc32) {
        return ByteBuffer.allocate(ZbiConstants.HEADER_SIZE)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(type)
                .putInt((int) length)
                .putInt((int) extra)
                .putInt(flags)
                .putInt(0)
                .putInt(0)
                .putInt(ZbiConstants.ITEM_MAGIC)
                .putInt(crc32)
                .array();
    }

    /** Returns the CRC-32 of a header (its crc32 field taken as zero) followed by a payload with the given CRC. */
    static int itemCrc(byte[] header, long payloadCrc, long payloadLength) {
        CRC32 crc = new CRC32();
        crc.update(header, 0, ZbiConstants.CRC32_FIELD_OFFSET);
        crc.update(new byte[4]);
        return (int) Crc32Combine.combine(crc.getValue(), payloadCrc, payloadLength);
    }

    /** Returns the CRC-32 of everything {@code source} writes. */
    static long crcOf(PayloadSource source) throws IOException {
        CheckedOutputStream out = new CheckedOutputStream(OutputStream.nullOutputStream(), new CRC32());
        source.writeTo(out);
        return out.getChecksum().getValue();
    }

    static void checkU32(long value, String what) {
        if (value < 0 || value > ZbiConstants.UINT32_MAX) {
            throw new IllegalArgumentException(what + " " + value + " is not a uint32");
        }
    }
}
