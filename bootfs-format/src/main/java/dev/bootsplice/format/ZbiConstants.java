package dev.bootsplice.format;

/** Magic numbers, flag bits and sizes of the ZBI and BOOTFS formats (spec §1.3, §2). */
final class ZbiConstants {
    /** Type code of the container header: "BOOT". */
    static final int TYPE_CONTAINER = 0x544f4f42;
    /** The container header's {@code extra}. */
    static final int CONTAINER_MAGIC = 0x868cf7e6;
    /** The {@code magic} field of every item header. */
    static final int ITEM_MAGIC = 0xb5781729;
    /** The {@code crc32} field of an item without {@link #FLAGS_CRC32}; equals {@code ~ITEM_MAGIC}. */
    static final int ITEM_NO_CRC32 = 0x4a87e8d6;
    /** First four bytes of a BOOTFS payload. */
    static final int BOOTFS_MAGIC = 0xa56d3ff9;

    /** Required in every header's flags. */
    static final int FLAGS_VERSION = 0x00010000;
    /** The {@code crc32} field is valid. */
    static final int FLAGS_CRC32 = 0x00020000;
    /** Storage types only: the payload is compressed and {@code extra} is its uncompressed size. */
    static final int FLAGS_STORAGE_COMPRESSED = 0x00000001;

    static final int KERNEL_PREFIX = 0x004e524b;
    static final int KERNEL_MASK = 0x00ffffff;
    static final int DRIVER_METADATA_PREFIX = 0x0000006d;
    static final int DRIVER_METADATA_MASK = 0x000000ff;

    /** Size of a {@code zbi_header_t}. */
    static final int HEADER_SIZE = 32;
    /** Every header starts at a multiple of this, relative to the container start. */
    static final int ALIGNMENT = 8;
    /** Byte offset of the {@code crc32} field inside a header. */
    static final int CRC32_FIELD_OFFSET = 28;

    /** Size of a {@code zbi_bootfs_header_t}. */
    static final int BOOTFS_HEADER_SIZE = 16;
    /** Size of the fixed part of a {@code zbi_bootfs_dirent_t} (name_len, data_len, data_off). */
    static final int BOOTFS_DIRENT_FIXED_SIZE = 12;
    /** File data starts on, and is padded to, multiples of this. */
    static final int BOOTFS_PAGE_SIZE = 4096;
    /** Largest {@code name_len}, counting the NUL terminator. */
    static final int BOOTFS_MAX_NAME_LEN = 256;

    /** zstd frame magic, read little-endian from the first four payload bytes. */
    static final int ZSTD_MAGIC = 0xFD2FB528;
    /** LZ4 frame magic, read little-endian from the first four payload bytes. */
    static final int LZ4F_MAGIC = 0x184D2204;

    /** Largest value of any uint32 field, as a long. */
    static final long UINT32_MAX = 0xffff_ffffL;

    private ZbiConstants() {}

    /** Returns {@code x} rounded up to a multiple of 8, in 64-bit arithmetic (never wraps for uint32 input). */
    static long roundUp8(long x) {
        return (x + 7) & ~7L;
    }

    /** Returns {@code x} rounded up to a multiple of 4096, in 64-bit arithmetic. */
    static long pageAlign(long x) {
        return (x + BOOTFS_PAGE_SIZE - 1) & ~(long) (BOOTFS_PAGE_SIZE - 1);
    }

    /** Returns the size a dirent with this {@code name_len} occupies: {@code (12 + nameLen + 3) & ~3}. */
    static long direntSize(long nameLen) {
        return (BOOTFS_DIRENT_FIXED_SIZE + nameLen + 3) & ~3L;
    }

    /** Returns the unsigned value of a uint32 field. */
    static long u32(int raw) {
        return raw & UINT32_MAX;
    }
}
