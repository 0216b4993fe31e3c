package dev.bootsplice.format;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Builds ZBI and BOOTFS bytes by hand, field by field, independent of the project's writer. */
final class RawZbi {
    static final int VERSION = 0x00010000;
    static final int CRC = 0x00020000;
    static final int COMPRESSED = 0x1;

    private RawZbi() {}

    /** Returns a 32-byte header with every field as given. */
    static byte[] header(
            int type, long length, long extra, int flags, int reserved0, int reserved1, int magic, int crc) {
        return ByteBuffer.allocate(32)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(type)
                .putInt((int) length)
                .putInt((int) extra)
                .putInt(flags)
                .putInt(reserved0)
                .putInt(reserved1)
                .putInt(magic)
                .putInt(crc)
                .array();
    }

    /** Returns a container header for {@code length} bytes of items. */
    static byte[] containerHeader(long length) {
        return header(0x544f4f42, length, 0x868cf7e6L, VERSION, 0, 0, 0xb5781729, 0x4a87e8d6);
    }

    /** Returns a ZBI holding {@code items} (each a header, payload and padding). */
    static byte[] container(byte[]... items) {
        byte[] body = concat(items);
        return concat(containerHeader(body.length), body);
    }

    /** Returns an item: header (with a correct CRC when {@code flags} has CRC32, else NO_CRC32), payload, padding. */
    static byte[] item(int type, byte[] payload, long extra, int flags) {
        byte[] h = header(type, payload.length, extra, flags, 0, 0, 0xb5781729, 0);
        int crcField = 0x4a87e8d6;
        if ((flags & CRC) != 0) {
            CRC32 crc = new CRC32();
            crc.update(h);
            crc.update(payload);
            crcField = (int) crc.getValue();
        }
        ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN).putInt(28, crcField);
        return concat(h, payload, new byte[(8 - payload.length % 8) % 8]);
    }

    /** Returns a BOOTFS directory: header and dirents {@code (name, dataLen, dataOff)}, zero-filled to {@code size}. */
    static byte[] bootfs(int size, Object... triples) {
        ByteArrayOutputStream dir = new ByteArrayOutputStream();
        for (int i = 0; i < triples.length; i += 3) {
            dir.writeBytes(dirent((String) triples[i], (Integer) triples[i + 1], (Integer) triples[i + 2]));
        }
        byte[] dirents = dir.toByteArray();
        ByteBuffer b = ByteBuffer.allocate(Math.max(size, 16 + dirents.length)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa56d3ff9).putInt(dirents.length).putInt(0).putInt(0).put(dirents);
        return b.array();
    }

    /** Returns one dirent for {@code name} with its NUL and zero padding. */
    static byte[] dirent(String name, int dataLen, int dataOff) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        return direntRaw(n.length + 1, dataLen, dataOff, n);
    }

    /** Returns one dirent with an arbitrary name_len and name bytes, padded to the size name_len implies. */
    static byte[] direntRaw(int nameLen, int dataLen, int dataOff, byte[] nameBytes) {
        int size = Math.max((12 + nameLen + 3) & ~3, (12 + nameBytes.length + 3) & ~3);
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(nameLen).putInt(dataLen).putInt(dataOff).put(nameBytes);
        return b.array();
    }

    /** Writes {@code data} into {@code image} at {@code offset} and returns the image. */
    static byte[] place(byte[] image, int offset, byte[] data) {
        System.arraycopy(data, 0, image, offset, data.length);
        return image;
    }

    /** Sets the little-endian int at {@code offset} and returns the image. */
    static byte[] putInt(byte[] image, int offset, int value) {
        ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return image;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
