package dev.bootsplice.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed BOOTFS payload (spec §2): the directory checked with zbitl's rules F1–F11 in zbitl order (errors)
 * plus the project's warnings F12, F14–F21, and file contents as slices of the payload.
 */
public final class Bootfs {
    /**
     * Most directory entries a reader accepts: each costs a Java object of about 100 bytes, and 16-byte dirents
     * compress to almost nothing, so a tiny image could otherwise claim tens of millions and exhaust the heap;
     * real images hold thousands (the scale test has 50,000).
     */
    static final int MAX_ENTRIES = 1 << 20;
    /** The largest directory {@link #MAX_ENTRIES} dirents of the longest name (268 bytes each) can fill. */
    static final long MAX_DIRECTORY_BYTES = MAX_ENTRIES * 268L;

    static final String F1 = "storage smaller than BOOTFS header size (truncated?)";
    static final String F2 = "bad BOOTFS header";
    static final String F3 = "directory exceeds capacity (truncated?)";
    static final String F4_F5 = "entry exceeds directory block";
    static final String F6 = "no filename is present";
    static final String F7 = "filename is too long; exceeds ZBI_BOOTFS_MAX_NAME_LEN";
    static final String F8 = "filename cannot begin with '/'";
    static final String F9 = "filename must end with a NUL-terminator";
    static final String F10 = "file offset is not a multiple of ZBI_BOOTFS_PAGE_SIZE";
    static final String F11 = "file exceeds storage capacity";

    /** The whole payload, or for a directory-only view just its first {@code 16 + dirsize} bytes. */
    private final ByteBuffer bytes;

    private final boolean hasContent;
    private final long capacity;
    private final long dirsize;
    private final List<BootfsEntry> entries;
    private final List<Problem> warnings;

    private Bootfs(ByteBuffer bytes, boolean hasContent, long capacity, long dirsize, List<BootfsEntry> entries) {
        this.bytes = bytes;
        this.hasContent = hasContent;
        this.capacity = capacity;
        this.dirsize = dirsize;
        this.entries = List.copyOf(entries);
        this.warnings = BootfsWarnings.collect(bytes, capacity, dirsize, this.entries);
    }

    /**
     * Parses a whole (decompressed) BOOTFS payload, from its position to its limit.
     *
     * @throws ZbiFormatException for the first broken rule of F1–F11; offset = dirent offset in the payload
     */
    public static Bootfs parse(ByteBuffer payload) throws ZbiFormatException {
        ByteBuffer b = payload.slice().order(ByteOrder.LITTLE_ENDIAN);
        long dirsize = checkHeader(b, b.remaining());
        return new Bootfs(b, true, b.remaining(), dirsize, readEntries(b, b.remaining(), dirsize));
    }

    /**
     * Parses the directory of a BOOTFS item, decompressing a compressed item only up to the directory end; the
     * result of a compressed item has no content until {@link #withContent(ZbiItem)}.
     *
     * @throws ZbiFormatException for F1–F11 or a decompression failure, attributed to {@code item}
     */
    public static Bootfs parseDirectory(ZbiItem item) throws ZbiFormatException {
        try {
            if (!item.isCompressed() || item.hasDecompressedPayload()) {
                return parse(item.payload());
            }
            long capacity = item.uncompressedSize();
            try (InputStream in = Decompression.stream(item)) {
                ByteBuffer head = ByteBuffer.wrap(readFully(item, in, ZbiConstants.BOOTFS_HEADER_SIZE));
                long dirsize = checkHeader(head.order(ByteOrder.LITTLE_ENDIAN), capacity);
                if (dirsize > MAX_DIRECTORY_BYTES) {
                    throw new ZbiFormatException("directory of " + dirsize + " bytes exceeds the reader limit", 0);
                }
                // Read before allocating: memory follows the bytes really decompressed, not the claimed dirsize.
                byte[] rest = readFully(item, in, (int) dirsize);
                byte[] dir = new byte[ZbiConstants.BOOTFS_HEADER_SIZE + rest.length];
                head.get(0, dir, 0, ZbiConstants.BOOTFS_HEADER_SIZE);
                System.arraycopy(rest, 0, dir, ZbiConstants.BOOTFS_HEADER_SIZE, rest.length);
                ByteBuffer b = ByteBuffer.wrap(dir).order(ByteOrder.LITTLE_ENDIAN);
                return new Bootfs(
                        b.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN),
                        false,
                        capacity,
                        dirsize,
                        readEntries(b, capacity, dirsize));
            } catch (IOException e) {
                throw item.error(
                        item.codec().map(Codec::displayName).orElse("decompression") + ": " + Decompression.describe(e),
                        e);
            }
        } catch (ZbiFormatException e) {
            return rethrowInItem(e, item);
        }
    }

    private static Bootfs rethrowInItem(ZbiFormatException e, ZbiItem item) throws ZbiFormatException {
        throw e.itemIndex() >= 0 ? e : e.inItem(item.index(), item.type());
    }

    private static byte[] readFully(ZbiItem item, InputStream in, int n) throws IOException, ZbiFormatException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw item.error(Decompression.TOO_LITTLE);
        }
        return b;
    }

    /** Applies F1–F3 to the header at the start of {@code b}; returns dirsize. */
    private static long checkHeader(ByteBuffer b, long capacity) throws ZbiFormatException {
        if (capacity < ZbiConstants.BOOTFS_HEADER_SIZE || b.remaining() < ZbiConstants.BOOTFS_HEADER_SIZE) {
            throw new ZbiFormatException(F1, 0);
        }
        if (b.getInt(0) != ZbiConstants.BOOTFS_MAGIC) {
            throw new ZbiFormatException(F2, 0);
        }
        long dirsize = ZbiConstants.u32(b.getInt(4));
        if (dirsize > capacity - ZbiConstants.BOOTFS_HEADER_SIZE) {
            throw new ZbiFormatException(F3, 0);
        }
        return dirsize;
    }

    /** Applies F4–F11 to every dirent in directory order. */
    private static List<BootfsEntry> readEntries(ByteBuffer b, long capacity, long dirsize) throws ZbiFormatException {
        List<BootfsEntry> list = new ArrayList<>();
        long end = ZbiConstants.BOOTFS_HEADER_SIZE + dirsize;
        long off = ZbiConstants.BOOTFS_HEADER_SIZE;
        while (off < end) {
            if (list.size() == MAX_ENTRIES) {
                throw new ZbiFormatException(
                        "more than " + MAX_ENTRIES + " entries (reader limit)", -1, null, off, null);
            }
            list.add(readEntry(b, capacity, off, end));
            off += ZbiConstants.direntSize(ZbiConstants.u32(b.getInt((int) off)));
        }
        return list;
    }

    private static BootfsEntry readEntry(ByteBuffer b, long capacity, long off, long end) throws ZbiFormatException {
        if (end - off < ZbiConstants.BOOTFS_DIRENT_FIXED_SIZE) {
            throw new ZbiFormatException(F4_F5, -1, null, off, null);
        }
        int at = (int) off;
        long nameLen = ZbiConstants.u32(b.getInt(at));
        long dataLen = ZbiConstants.u32(b.getInt(at + 4));
        long dataOff = ZbiConstants.u32(b.getInt(at + 8));
        if (ZbiConstants.direntSize(nameLen) > end - off) {
            throw new ZbiFormatException(F4_F5, -1, null, off, null);
        }
        if (nameLen == 0) {
            throw new ZbiFormatException(F6, -1, null, off, null);
        }
        if (nameLen > ZbiConstants.BOOTFS_MAX_NAME_LEN) {
            throw new ZbiFormatException(F7, -1, null, off, null);
        }
        boolean terminated = b.get(at + 12 + (int) nameLen - 1) == 0;
        String name = decodeName(b, at + 12, (int) nameLen - (terminated ? 1 : 0));
        String reason = b.get(at + 12) == '/'
                ? F8
                : !terminated
                        ? F9
                        : dataOff % ZbiConstants.BOOTFS_PAGE_SIZE != 0
                                ? F10
                                : !fits(dataOff, dataLen, capacity) ? F11 : null;
        if (reason != null) {
            throw new ZbiFormatException(reason, -1, null, off, name);
        }
        return new BootfsEntry(name, dataOff, dataLen, off);
    }

    /** Rule F11: the page-rounded extent fits, without overflowing 32 bits. */
    private static boolean fits(long dataOff, long dataLen, long capacity) {
        long rounded = ZbiConstants.pageAlign(dataLen);
        return dataOff <= capacity && rounded <= ZbiConstants.UINT32_MAX && rounded <= capacity - dataOff;
    }

    /** Returns {@code count} name bytes at {@code at} decoded as UTF-8 (malformed bytes become U+FFFD). */
    static String decodeName(ByteBuffer b, int at, int count) {
        byte[] raw = new byte[count];
        b.get(at, raw);
        return new String(raw, StandardCharsets.UTF_8);
    }

    /** Returns the total size of all dirents, excluding the 16-byte header. */
    public long dirsize() {
        return dirsize;
    }

    /** Returns the payload size the rules were checked against (the decompressed size for compressed items). */
    public long capacity() {
        return capacity;
    }

    /** Returns the entries in directory order. */
    public List<BootfsEntry> entries() {
        return entries;
    }

    /** Returns the warnings F12, F14–F21 (severity WARNING, item -1, offset = dirent offset in the payload). */
    public List<Problem> warnings() {
        return warnings;
    }

    /** Returns false for a directory-only view of a compressed item (see {@link #withContent(ZbiItem)}). */
    public boolean hasContent() {
        return hasContent;
    }

    /**
     * Returns the full view of {@code item}'s BOOTFS: this when content is already present, else a fresh parse
     * of the decompressed payload.
     *
     * @throws ZbiFormatException when decompression or parsing fails
     */
    public Bootfs withContent(ZbiItem item) throws ZbiFormatException {
        if (hasContent) {
            return this;
        }
        try {
            return parse(item.payload());
        } catch (ZbiFormatException e) {
            return rethrowInItem(e, item);
        }
    }

    /**
     * Returns the {@code data_len} bytes of {@code e} as a read-only slice of the payload.
     *
     * @throws IllegalStateException on a directory-only view
     * @throws IllegalArgumentException when {@code e} does not lie inside this payload
     */
    public ByteBuffer content(BootfsEntry e) {
        if (!hasContent) {
            throw new IllegalStateException("directory-only BOOTFS view: call withContent(item) first");
        }
        if (e.dataOffset() > capacity || e.dataLength() > capacity - e.dataOffset()) {
            throw new IllegalArgumentException("entry \"" + e.name() + "\" outside the BOOTFS payload");
        }
        return bytes.slice((int) e.dataOffset(), (int) e.dataLength())
                .asReadOnlyBuffer()
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Returns the raw directory bytes (header and dirents), as a read-only view. */
    ByteBuffer directoryBytes() {
        return bytes.slice(0, (int) (ZbiConstants.BOOTFS_HEADER_SIZE + dirsize)).order(ByteOrder.LITTLE_ENDIAN);
    }
}
