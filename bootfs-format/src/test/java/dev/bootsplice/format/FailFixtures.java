package dev.bootsplice.format;

import static dev.bootsplice.format.RawZbi.COMPRESSED;
import static dev.bootsplice.format.RawZbi.CRC;
import static dev.bootsplice.format.RawZbi.VERSION;
import static dev.bootsplice.format.RawZbi.ascii;
import static dev.bootsplice.format.RawZbi.bootfs;
import static dev.bootsplice.format.RawZbi.concat;
import static dev.bootsplice.format.RawZbi.container;
import static dev.bootsplice.format.RawZbi.containerHeader;
import static dev.bootsplice.format.RawZbi.dirent;
import static dev.bootsplice.format.RawZbi.direntRaw;
import static dev.bootsplice.format.RawZbi.header;
import static dev.bootsplice.format.RawZbi.item;
import static dev.bootsplice.format.RawZbi.place;
import static dev.bootsplice.format.RawZbi.putInt;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jpountz.lz4.LZ4FrameOutputStream;

/**
 * The broken images of {@code testdata/fail/}: how each is built, the rule it breaks and the exact first error
 * the checker must report for it (written by hand from the spec, not from the reader's output).
 */
final class FailFixtures {
    static final int BOOTFS = 0x42534642;
    static final int RAMDISK = 0x4b534452;
    static final int IMAGE_ARGS = 0x47524149;
    static final byte[] ALPHABET = ascii("abcdefghijklmnopqrstuvwxyz");

    /** One fixture: file name, rule id of spec §3, expected first error (Problem.toString) and bytes. */
    record Case(String file, String rule, String expected, byte[] bytes) {}

    private FailFixtures() {}

    static List<Case> all() {
        List<Case> c = new ArrayList<>();
        addContainerCases(c);
        addItemCases(c);
        addStorageCases(c);
        addBootfsHeaderCases(c);
        addDirentCases(c);
        return c;
    }

    private static void addContainerCases(List<Case> c) {
        c.add(new Case(
                "z01-header-truncated-fail.zbi",
                "Z1",
                "error: at 0x0: container header doesn't fit. Truncated?",
                concat(ascii("BOOT"), new byte[12])));
        c.add(at0(
                "z02-container-item-magic-fail.zbi",
                "Z2",
                "bad item magic number",
                header(0x544f4f42, 0, 0x868cf7e6L, VERSION, 0, 0, 0, 0x4a87e8d6)));
        c.add(at0(
                "z03-container-version-fail.zbi",
                "Z3",
                "bad item header version",
                header(0x544f4f42, 0, 0x868cf7e6L, 0, 0, 0, 0xb5781729, 0x4a87e8d6)));
        c.add(at0(
                "z04-container-crc-field-fail.zbi",
                "Z4",
                "bad crc32 field in item without CRC",
                header(0x544f4f42, 0, 0x868cf7e6L, VERSION, 0, 0, 0xb5781729, 0)));
        c.add(at0(
                "z05-container-type-fail.zbi",
                "Z5",
                "bad container type",
                header(0x544f4f43, 0, 0x868cf7e6L, VERSION, 0, 0, 0xb5781729, 0x4a87e8d6)));
        c.add(at0(
                "z06-container-magic-fail.zbi",
                "Z6",
                "bad container magic",
                header(0x544f4f42, 0, 0, VERSION, 0, 0, 0xb5781729, 0x4a87e8d6)));
        c.add(at0(
                "z07-container-crc-flag-fail.zbi",
                "Z7",
                "container header has CRC32 flag",
                header(0x544f4f42, 0, 0x868cf7e6L, VERSION | CRC, 0, 0, 0xb5781729, 0x4a87e8d6)));
        c.add(at0(
                "z08-container-misaligned-fail.zbi",
                "Z8",
                "container header has misaligned length",
                concat(containerHeader(4), new byte[4])));
        c.add(at0(
                "z09-container-truncated-fail.zbi",
                "Z9",
                "container doesn't fit. Truncated?",
                concat(containerHeader(64), item(IMAGE_ARGS, ascii("hi"), 0, VERSION | CRC))));
    }

    private static Case at0(String file, String rule, String reason, byte[] bytes) {
        return new Case(file, rule, "error: at 0x0: " + reason, bytes);
    }

    private static void addItemCases(List<Case> c) {
        c.add(new Case(
                "z11-item-header-truncated-fail.zbi",
                "Z11",
                "error: item 0 at 0x20: container too short for next item header",
                concat(containerHeader(16), new byte[16])));
        c.add(new Case(
                "z12-item-magic-fail.zbi",
                "Z12",
                "error: item 0 (IMAGE_ARGS) at 0x20: bad item magic number",
                container(putInt(item(IMAGE_ARGS, ascii("hi"), 0, VERSION | CRC), 24, 0x12345678))));
        c.add(new Case(
                "z13-item-version-fail.zbi",
                "Z13",
                "error: item 0 (IMAGE_ARGS) at 0x20: bad item header version",
                container(item(IMAGE_ARGS, ascii("hi"), 0, CRC))));
        c.add(new Case(
                "z14-item-crc-field-fail.zbi",
                "Z14",
                "error: item 0 (IMAGE_ARGS) at 0x20: bad crc32 field in item without CRC",
                container(putInt(item(IMAGE_ARGS, ascii("hi"), 0, VERSION), 28, 0))));
        byte[] second = header(IMAGE_ARGS, 64, 0, VERSION, 0, 0, 0xb5781729, 0x4a87e8d6);
        c.add(new Case(
                "z15-item-payload-truncated-fail.zbi",
                "Z15",
                "error: item 1 (IMAGE_ARGS) at 0x48: container too short for next item payload",
                container(item(IMAGE_ARGS, ascii("hi"), 0, VERSION | CRC), second)));
        byte[] flipped = item(IMAGE_ARGS, ascii("hello world"), 0, VERSION | CRC);
        flipped[32] ^= 1;
        c.add(new Case(
                "z16-crc-mismatch-fail.zbi",
                "Z16",
                "error: item 0 (IMAGE_ARGS) at 0x20: CRC mismatch",
                container(flipped)));
    }

    private static void addStorageCases(List<Case> c) {
        int z = VERSION | CRC | COMPRESSED;
        byte[] zstd = Zstd.compress(ALPHABET, 19);
        c.add(storageCase(
                "s1-compressed-too-small-fail.zbi",
                "S1",
                "compressed payload too small for header",
                item(RAMDISK, new byte[] {0x28, (byte) 0xb5, 0x2f}, 26, z)));
        c.add(storageCase(
                "s2-compression-magic-fail.zbi",
                "S2",
                "compressed payload magic number not recognized",
                item(RAMDISK, ascii("\u001f\u008bnot-a-zstd-frame"), 26, z)));
        c.add(storageCase(
                "s3-bomb-4gib-fail.zbi",
                "S3",
                "bad or corrupted data: uncompressed length not as expected",
                item(RAMDISK, zstd, 0xffff_ffffL, z)));
        c.add(storageCase(
                "s3-zstd-too-much-fail.zbi", "S3", "decompression produced too much data", item(RAMDISK, zstd, 20, z)));
        c.add(storageCase(
                "s3-zstd-too-little-fail.zbi",
                "S3",
                "decompression produced too little data by 4 bytes",
                item(RAMDISK, zstd, 30, z)));
        c.add(storageCase(
                "s3-lz4f-too-little-fail.zbi",
                "S3",
                "decompression produced too little data by 14 bytes",
                item(RAMDISK, lz4f(ALPHABET), 40, z)));
        byte[] corrupt = Arrays.copyOf(zstd, zstd.length);
        Arrays.fill(corrupt, 6, corrupt.length, (byte) 0xff);
        c.add(storageCase(
                "s3-zstd-corrupt-fail.zbi", "S3", "zstd: Data corruption detected", item(RAMDISK, corrupt, 26, z)));
    }

    private static Case storageCase(String file, String rule, String reason, byte[] item) {
        return new Case(file, rule, "error: item 0 (RAMDISK) at 0x20: " + reason, container(item));
    }

    private static void addBootfsHeaderCases(List<Case> c) {
        c.add(new Case(
                "f01-bootfs-header-truncated-fail.bootfs",
                "F1",
                "error: item 0 (BOOTFS) at 0x0: storage smaller than BOOTFS header size (truncated?)",
                concat(new byte[] {(byte) 0xf9, 0x3f, 0x6d, (byte) 0xa5}, new byte[4])));
        c.add(bootfsCase("f02-bootfs-magic-fail.zbi", "F2", "at 0x0: bad BOOTFS header", new byte[4096]));
        c.add(bootfsCase(
                "f03-bootfs-dirsize-fail.zbi",
                "F3",
                "at 0x0: directory exceeds capacity (truncated?)",
                putInt(validBootfs(), 4, 8192)));
        c.add(new Case(
                "f03-bootfs-dirsize-fail.bootfs",
                "F3",
                "error: item 0 (BOOTFS) at 0x0: directory exceeds capacity (truncated?)",
                putInt(validBootfs(), 4, 8192 - 15)));
    }

    private static void addDirentCases(List<Case> c) {
        c.add(bootfsCase(
                "f04-dirent-fixed-part-fail.zbi",
                "F4",
                "at 0x10: entry exceeds directory block",
                putInt(validBootfs(), 4, 8)));
        c.add(bootfsCase(
                "f05-dirent-name-overruns-fail.zbi",
                "F5",
                "at 0x10: entry exceeds directory block",
                withDirents(Arrays.copyOf(direntRaw(100, 4, 4096, ascii("a")), 16))));
        c.add(bootfsCase(
                "f06-dirent-no-name-fail.zbi",
                "F6",
                "at 0x10: no filename is present",
                withDirents(direntRaw(0, 4, 4096, new byte[0]))));
        c.add(bootfsCase(
                "f07-dirent-name-too-long-fail.zbi",
                "F7",
                "at 0x10: filename is too long; exceeds ZBI_BOOTFS_MAX_NAME_LEN",
                withDirents(direntRaw(300, 4, 4096, new byte[300]))));
        c.add(bootfsCase(
                "f08-dirent-absolute-name-fail.zbi",
                "F8",
                "at 0x10: entry \"/etc/passwd\": filename cannot begin with '/'",
                withDirents(dirent("/etc/passwd", 4, 4096))));
        c.add(bootfsCase(
                "f09-dirent-no-nul-fail.zbi",
                "F9",
                "at 0x10: entry \"abc\": filename must end with a NUL-terminator",
                withDirents(direntRaw(3, 4, 4096, ascii("abc")))));
        c.add(bootfsCase(
                "f10-dirent-misaligned-fail.zbi",
                "F10",
                "at 0x20: entry \"bin/sh\": file offset is not a multiple of ZBI_BOOTFS_PAGE_SIZE",
                withDirents(dirent("a", 4, 4096), dirent("bin/sh", 4, 0x1001))));
        c.add(bootfsCase(
                "f11-dirent-beyond-capacity-fail.zbi",
                "F11",
                "at 0x10: entry \"a\": file exceeds storage capacity",
                withDirents(dirent("a", 1, 8192))));
        byte[] misaligned = withDirents(dirent("a", 4, 0x800));
        c.add(new Case(
                "f10-compressed-misaligned-fail.zbi",
                "F10",
                "error: item 0 (BOOTFS) at 0x10: entry \"a\": file offset is not a multiple of ZBI_BOOTFS_PAGE_SIZE",
                container(item(BOOTFS, Zstd.compress(misaligned, 4), misaligned.length, VERSION | CRC | COMPRESSED))));
    }

    /** A valid 8 KiB BOOTFS holding "a" = "abc\n"; fixtures break one field of it. */
    static byte[] validBootfs() {
        return place(bootfs(8192, "a", 4, 4096), 4096, ascii("abc\n"));
    }

    /** A valid-sized 8 KiB BOOTFS whose directory is exactly {@code dirents}. */
    private static byte[] withDirents(byte[]... dirents) {
        byte[] d = concat(dirents);
        byte[] b = place(new byte[8192], 16, d);
        putInt(b, 0, 0xa56d3ff9);
        return putInt(b, 4, d.length);
    }

    private static Case bootfsCase(String file, String rule, String where, byte[] payload) {
        return new Case(
                file,
                rule,
                "error: item 0 (BOOTFS) " + where,
                container(item(BOOTFS, payload, payload.length, VERSION | CRC)));
    }

    static byte[] lz4f(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LZ4FrameOutputStream lz4 = new LZ4FrameOutputStream(out, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB)) {
            lz4.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
