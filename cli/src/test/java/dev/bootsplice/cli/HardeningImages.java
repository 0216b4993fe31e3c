package dev.bootsplice.cli;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Hostile ZBI and BOOTFS bytes built field by field (spec zbi-bootfs.md §1–§2), for inputs the project's
 * writer rightly refuses to make: names with {@code ..}, control bytes or no file component, lying sizes,
 * huge directories.
 */
final class HardeningImages {
    static final int PAGE = 4096;
    static final int BOOTFS = 0x42534642;
    static final int RAMDISK = 0x4b534452;
    static final int CMDLINE = 0x4c444d43;
    static final int VERSION = 0x00010000;
    static final int CRC = 0x00020000;
    static final int COMPRESSED = 0x1;
    private static final int BOOTFS_MAGIC = 0xa56d3ff9;

    private HardeningImages() {}

    /** Returns a UTF-8 name's bytes. */
    static byte[] utf8(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns a bare BOOTFS whose directory holds exactly {@code names} (raw bytes, each NUL-terminated here),
     * in this order, each file holding {@code content(i)} on its own page range.
     */
    static byte[] bootfs(List<byte[]> names, List<byte[]> contents) {
        int dirsize = 0;
        for (byte[] n : names) {
            dirsize += direntSize(n.length + 1);
        }
        long dataStart = align(16 + dirsize);
        long total = dataStart;
        for (byte[] c : contents) {
            total += align(c.length);
        }
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(total)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(BOOTFS_MAGIC).putInt(dirsize).putInt(0).putInt(0);
        long offset = dataStart;
        for (int i = 0; i < names.size(); i++) {
            byte[] n = names.get(i);
            byte[] c = contents.get(i);
            int start = b.position();
            b.putInt(n.length + 1).putInt(c.length).putInt((int) offset).put(n).put((byte) 0);
            b.position(start + direntSize(n.length + 1));
            b.put((int) offset, c);
            offset += align(c.length);
        }
        return b.array();
    }

    /** Returns a bare BOOTFS of {@code names}, every file holding the bytes of its own name. */
    static byte[] bootfsOfNames(List<String> names) {
        List<byte[]> raw = names.stream().map(HardeningImages::utf8).toList();
        return bootfs(raw, raw);
    }

    /**
     * Returns a bare BOOTFS with {@code count} empty files named {@code abc} (16-byte dirents, the smallest a
     * name allows), all at the end of the directory block: the most entries per directory byte an image holds.
     */
    static byte[] bootfsWithEmptyFiles(int count) {
        int dirsize = count * direntSize(4);
        long end = align(16 + (long) dirsize);
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(end)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(BOOTFS_MAGIC).putInt(dirsize).putInt(0).putInt(0);
        for (int i = 0; i < count; i++) {
            b.putInt(4).putInt(0).putInt((int) end).put(utf8("abc")).put((byte) 0);
        }
        return b.array();
    }

    /** Returns a 32-byte item header with a correct CRC over {@code payload} when {@code flags} has CRC32. */
    static byte[] header(int type, byte[] payload, long extra, int flags) {
        ByteBuffer h = ByteBuffer.allocate(32)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(type)
                .putInt(payload.length)
                .putInt((int) extra)
                .putInt(flags)
                .putInt(0)
                .putInt(0)
                .putInt(0xb5781729)
                .putInt(0);
        int crcField = 0x4a87e8d6;
        if ((flags & CRC) != 0) {
            CRC32 crc = new CRC32();
            crc.update(h.array());
            crc.update(payload);
            crcField = (int) crc.getValue();
        }
        return h.putInt(28, crcField).array();
    }

    /** Returns one item: header, payload and zero padding to 8. */
    static byte[] item(int type, byte[] payload, long extra, int flags) {
        return concat(header(type, payload, extra, flags), payload, new byte[(8 - payload.length % 8) % 8]);
    }

    /** Returns an uncompressed BOOTFS item with a CRC for {@code bootfs}. */
    static byte[] bootfsItem(byte[] bootfs) {
        return item(BOOTFS, bootfs, bootfs.length, VERSION | CRC);
    }

    /** Returns a ZBI holding {@code items}. */
    static byte[] container(byte[]... items) {
        byte[] body = concat(items);
        return concat(containerHeader(body.length), body);
    }

    /** Returns a container header for {@code length} bytes of items. */
    static byte[] containerHeader(long length) {
        return ByteBuffer.allocate(32)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0x544f4f42)
                .putInt((int) length)
                .putInt(0x868cf7e6)
                .putInt(VERSION)
                .putInt(0)
                .putInt(0)
                .putInt(0xb5781729)
                .putInt(0x4a87e8d6)
                .array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** One mutation: 0 flip a byte, 1 set an aligned int, 2 truncate, 3 append zeros, 4 zero a run. */
    record Mutation(int kind, double where, int value) {}

    /** Applies {@code mutations} to a copy of {@code base}. */
    static byte[] mutate(byte[] base, List<Mutation> mutations) {
        byte[] b = base.clone();
        for (Mutation m : mutations) {
            if (b.length == 0) {
                break;
            }
            int at = (int) Math.min(b.length - 1L, (long) (m.where() * b.length));
            switch (m.kind()) {
                case 0 -> b[at] ^= (byte) (m.value() | 1);
                case 1 -> {
                    int aligned = at & ~3;
                    if (aligned + 4 <= b.length) {
                        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(aligned, m.value());
                    }
                }
                case 2 -> b = Arrays.copyOf(b, at);
                case 3 -> b = Arrays.copyOf(b, b.length + (m.value() & 0xfff));
                default -> Arrays.fill(b, at, Math.min(b.length, at + (m.value() & 0x3f)), (byte) 0);
            }
        }
        return b;
    }

    static int direntSize(int nameLen) {
        return (12 + nameLen + 3) & ~3;
    }

    static long align(long n) {
        return (n + PAGE - 1) / PAGE * PAGE;
    }
}
