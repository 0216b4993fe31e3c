package dev.bootsplice.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A ZBI (container header plus items) or a bare BOOTFS, read in place from a memory map or a caller's buffer.
 * Opening applies zbitl's container checks (spec §1.5) and item iteration checks (§1.11); CRCs, compressed
 * payloads and BOOTFS contents are checked only when asked for.
 */
public final class ZbiImage implements AutoCloseable {
    /**
     * Most items a reader accepts: every item costs a Java object, so a file of millions of empty items could
     * otherwise exhaust the heap; real images hold a handful.
     */
    static final int MAX_ITEMS = 1 << 20;

    private final String name;
    /** The mapped file, or null for a caller's buffer. */
    private final Path file;

    private final ImageBytes bytes;
    private final boolean bareBootfs;
    /** The container header's length field (for a bare BOOTFS: the file size). */
    private final long containerLength;
    /** The 32 container header bytes as stored (empty for a bare BOOTFS). */
    private final byte[] containerHeader;

    private final List<ZbiItem> items;

    private ZbiImage(
            String name,
            Path file,
            ImageBytes bytes,
            boolean bare,
            long containerLength,
            byte[] header,
            List<ZbiItem> items) {
        this.name = name;
        this.file = file;
        this.bytes = bytes;
        this.bareBootfs = bare;
        this.containerLength = containerLength;
        this.containerHeader = header;
        this.items = List.copyOf(items);
    }

    /**
     * Maps {@code file} read-only and reads it as a ZBI, or as a bare BOOTFS when it starts with the BOOTFS magic.
     *
     * @throws IOException when the file cannot be opened or mapped
     * @throws ZbiFormatException when a container or item header rule is broken
     */
    public static ZbiImage open(Path file) throws IOException, ZbiFormatException {
        ImageBytes bytes = ImageBytes.map(file);
        try {
            return parse(bytes, file.toString(), file);
        } catch (ZbiFormatException | RuntimeException e) {
            bytes.close();
            throw e;
        }
    }

    /**
     * Reads the remaining bytes of {@code bytes} (not copied; the caller must not change them) as a ZBI or bare BOOTFS.
     *
     * @throws ZbiFormatException when a container or item header rule is broken
     */
    public static ZbiImage read(ByteBuffer bytes, String name) throws ZbiFormatException {
        return parse(ImageBytes.of(bytes), name, null);
    }

    private static ZbiImage parse(ImageBytes bytes, String name, Path file) throws ZbiFormatException {
        if (bytes.size() >= 4 && bytes.slice(0, 4).getInt(0) == ZbiConstants.BOOTFS_MAGIC) {
            if (bytes.size() > ZbiConstants.UINT32_MAX) {
                throw new ZbiFormatException("bare BOOTFS larger than 4 GiB", 0);
            }
            return new ZbiImage(name, file, bytes, true, bytes.size(), new byte[0], List.of(ZbiItem.bareBootfs(bytes)));
        }
        byte[] header = containerHeader(bytes);
        long length = ZbiConstants.u32(
                ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt(4));
        return new ZbiImage(name, file, bytes, false, length, header, iterate(bytes, length));
    }

    /** Applies the container checks of spec §1.5 in zbitl order and returns the header bytes. */
    private static byte[] containerHeader(ImageBytes bytes) throws ZbiFormatException {
        if (bytes.size() < ZbiConstants.HEADER_SIZE) {
            throw new ZbiFormatException("container header doesn't fit. Truncated?", 0);
        }
        byte[] header = new byte[ZbiConstants.HEADER_SIZE];
        bytes.read(0, header);
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        String itemError = ItemHeaderRules.check(h);
        if (itemError != null) {
            throw new ZbiFormatException(itemError, 0);
        }
        int flags = h.getInt(12);
        long length = ZbiConstants.u32(h.getInt(4));
        String reason = h.getInt(0) != ZbiConstants.TYPE_CONTAINER
                ? "bad container type"
                : h.getInt(8) != ZbiConstants.CONTAINER_MAGIC
                        ? "bad container magic"
                        : (flags & ZbiConstants.FLAGS_CRC32) != 0
                                ? "container header has CRC32 flag"
                                : length % ZbiConstants.ALIGNMENT != 0
                                        ? "container header has misaligned length"
                                        : length > bytes.size() - ZbiConstants.HEADER_SIZE
                                                ? "container doesn't fit. Truncated?"
                                                : null;
        if (reason != null) {
            throw new ZbiFormatException(reason, 0);
        }
        return header;
    }

    /** Walks the items of spec §1.11, reporting the failing header's own offset. */
    private static List<ZbiItem> iterate(ImageBytes bytes, long containerLength) throws ZbiFormatException {
        List<ZbiItem> items = new ArrayList<>();
        long limit = ZbiConstants.HEADER_SIZE + containerLength;
        long off = ZbiConstants.HEADER_SIZE;
        while (off != limit) {
            int index = items.size();
            if (limit - off < ZbiConstants.HEADER_SIZE) {
                throw new ZbiFormatException("container too short for next item header", index, null, off, null);
            }
            byte[] header = new byte[ZbiConstants.HEADER_SIZE];
            bytes.read(off, header);
            ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            ItemType type = ItemType.of(h.getInt(0));
            String reason = ItemHeaderRules.check(h);
            if (reason != null) {
                throw new ZbiFormatException(reason, index, type, off, null);
            }
            long next = off + ZbiConstants.HEADER_SIZE + ZbiConstants.roundUp8(ZbiConstants.u32(h.getInt(4)));
            if (next > limit) {
                throw new ZbiFormatException("container too short for next item payload", index, type, off, null);
            }
            if (index == MAX_ITEMS) {
                throw new ZbiFormatException(
                        "more than " + MAX_ITEMS + " items (reader limit)", index, type, off, null);
            }
            items.add(ZbiItem.fromHeader(bytes, index, off, header));
            off = next;
        }
        return items;
    }

    /** Returns the name given when opening (the path for {@link #open}). */
    public String name() {
        return name;
    }

    /** Returns the size of the whole file or buffer, including any bytes after the container. */
    public long size() {
        return bytes.size();
    }

    /** Returns true when the image is a bare BOOTFS (no container); it then has one synthetic BOOTFS item. */
    public boolean isBareBootfs() {
        return bareBootfs;
    }

    /** Returns the container header's length field (for a bare BOOTFS, the file size). */
    public long containerLength() {
        return containerLength;
    }

    /** Returns a copy of the 32 container header bytes (empty for a bare BOOTFS). */
    public byte[] containerHeader() {
        return containerHeader.clone();
    }

    /** Returns the items in image order. */
    public List<ZbiItem> items() {
        return items;
    }

    /** Returns the first STORAGE_BOOTFS item, the one boot code uses. */
    public Optional<ZbiItem> firstBootfs() {
        return items.stream().filter(i -> i.type().equals(ItemType.BOOTFS)).findFirst();
    }

    /** Returns the newest tool's verdict without an architecture: non-empty and a kernel item first. */
    public Bootability bootability() {
        return BootRules.newest(items, null);
    }

    /** Returns the newest tool's verdict for {@code kernelType} (the {@code -B ARCH} check). */
    public Bootability bootability(ItemType kernelType) {
        return BootRules.newest(items, kernelType);
    }

    /** Returns the 2018–2020 "complete" verdict: also exactly one BOOTFS item; {@code kernelType} may be null. */
    public Bootability completeness(ItemType kernelType) {
        return BootRules.complete2020(items, kernelType);
    }

    /**
     * Hands the image's bytes as stored (the whole file or buffer, padding and trailing bytes included) to
     * {@code sink} in order, in chunks of at most 1 MiB.
     */
    public void readBytes(ChunkSink sink) {
        for (long at = 0; at < size(); at += Decompression.MEASURE_CHUNK) {
            sink.accept(at, bytes.slice(at, Math.min(Decompression.MEASURE_CHUNK, size() - at)));
        }
    }

    /** Returns the SHA-256 of the image's bytes as stored, as lowercase hex. */
    public String sha256() {
        java.security.MessageDigest digest = FileSources.sha256();
        readBytes((offset, chunk) -> digest.update(chunk));
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Returns true when the mapped file is now shorter than when it was opened: reading the pages past its new
     * end faults (a {@link java.nio.MappedByteBuffer} then throws {@link InternalError}). Always false for a
     * caller's buffer.
     */
    public boolean shrankSinceOpened() {
        long now = currentFileSize();
        return now >= 0 && now < size();
    }

    /**
     * Returns the format error describing a fault while reading this image's memory map: when the file shrank,
     * the first item whose bytes now extend past its end ({@code file shrank to N bytes while being read}),
     * else an I/O error of the mapped file at offset 0. Reads only what {@link #open} kept, never the mapping.
     */
    public ZbiFormatException readFault() {
        long now = currentFileSize();
        if (now < 0 || now >= size()) {
            return new ZbiFormatException("input/output error while reading the mapped file", 0);
        }
        String reason = "file shrank to " + now + " bytes while being read (it had " + size() + ")";
        for (ZbiItem item : items) {
            if (item.payloadOffset() + item.length() > now) {
                return new ZbiFormatException(reason, item.index(), item.type(), item.offset(), null);
            }
        }
        return new ZbiFormatException(reason, Math.min(now, size()));
    }

    /** Returns the file's size now, {@code -1} when it is gone or unreadable, or {@link #size()} for a buffer. */
    private long currentFileSize() {
        if (file == null) {
            return size();
        }
        try {
            return java.nio.file.Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Releases the file mapping resources; buffers handed out earlier stay readable until collected. */
    @Override
    public void close() throws IOException {
        bytes.close();
    }

    @Override
    public String toString() {
        return name + " (" + (bareBootfs ? "bare BOOTFS" : items.size() + " items") + ", " + size() + " bytes)";
    }
}
