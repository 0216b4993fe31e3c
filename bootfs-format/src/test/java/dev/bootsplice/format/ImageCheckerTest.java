package dev.bootsplice.format;

import static dev.bootsplice.format.RawZbi.COMPRESSED;
import static dev.bootsplice.format.RawZbi.CRC;
import static dev.bootsplice.format.RawZbi.VERSION;
import static dev.bootsplice.format.RawZbi.ascii;
import static dev.bootsplice.format.RawZbi.concat;
import static dev.bootsplice.format.RawZbi.container;
import static dev.bootsplice.format.RawZbi.header;
import static dev.bootsplice.format.RawZbi.item;
import static dev.bootsplice.format.RawZbi.place;
import static dev.bootsplice.format.RawZbi.putInt;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker's warning rules, strict mode and CRC handling, on hand-built images. */
class ImageCheckerTest {
    static final int BOOTFS = 0x42534642;
    static final int RAMDISK = 0x4b534452;
    static final int CMDLINE = 0x4c444d43;

    private static List<String> check(byte[] image, boolean strict) {
        return ImageChecker.check(ByteBuffer.wrap(image), "test", true, strict).stream()
                .map(Problem::toString)
                .toList();
    }

    @Test
    void validImageHasNoProblems() {
        byte[] bootfs = FailFixtures.validBootfs();
        assertThat(check(
                        container(
                                item(BOOTFS, bootfs, bootfs.length, VERSION | CRC),
                                item(CMDLINE, ascii("a=b\0"), 0, VERSION | CRC)),
                        true))
                .isEmpty();
    }

    @Test
    void trailingBytesReservedFieldsAndContainerFlagsAreWarnings() {
        byte[] image = concat(container(item(CMDLINE, ascii("x"), 0, VERSION | CRC)), new byte[8]);
        putInt(image, 16, 1);
        putInt(image, 12, VERSION | 0x100);
        assertThat(check(image, false))
                .containsExactly(
                        "warning: at 0x48: trailing bytes after container",
                        "warning: at 0x0: reserved field nonzero",
                        "warning: at 0x0: container has extra flags");
    }

    @Test
    void itemHeaderOddities() {
        byte[] reserved = item(CMDLINE, ascii("x"), 0, VERSION);
        putInt(reserved, 20, 7);
        assertThat(check(
                        container(
                                reserved,
                                item(CMDLINE, ascii("y"), 0, VERSION | 0x40000),
                                item(CMDLINE, ascii("z"), 5, VERSION),
                                item(CMDLINE, ascii("w"), 0, VERSION | COMPRESSED)),
                        false))
                .containsExactly(
                        "warning: item 0 (CMDLINE) at 0x20: reserved field nonzero",
                        "warning: item 1 (CMDLINE) at 0x48: unknown flags",
                        "warning: item 2 (CMDLINE) at 0x70: unexpected extra",
                        "warning: item 3 (CMDLINE) at 0x98: compressed flag on non-storage item");
    }

    @Test
    void storageExtraMustBeLengthOrZeroWhenUncompressed() {
        assertThat(check(
                        container(
                                item(RAMDISK, ascii("12345678"), 8, VERSION),
                                item(RAMDISK, ascii("12345678"), 0, VERSION),
                                item(RAMDISK, ascii("12345678"), 9, VERSION)),
                        false))
                .containsExactly("warning: item 2 (RAMDISK) at 0x70: storage extra does not match length");
    }

    @Test
    void lz4CompressionIsFlaggedForBootLoaders() {
        byte[] lz4 = FailFixtures.lz4f(FailFixtures.ALPHABET);
        assertThat(check(container(item(RAMDISK, lz4, 26, VERSION | CRC | COMPRESSED)), false))
                .containsExactly("warning: item 0 (RAMDISK) at 0x20: compression not supported by boot loaders");
        byte[] zstd = Zstd.compress(FailFixtures.ALPHABET, 3);
        assertThat(check(container(item(RAMDISK, zstd, 26, VERSION | CRC | COMPRESSED)), false))
                .isEmpty();
    }

    @Test
    void strictModeTurnsEveryWarningIntoAnError() {
        byte[] image = container(item(RAMDISK, ascii("12345678"), 9, VERSION));
        assertThat(ImageChecker.check(ByteBuffer.wrap(image), "t", true, false))
                .allMatch(p -> p.severity() == Severity.WARNING)
                .hasSize(1);
        assertThat(ImageChecker.check(ByteBuffer.wrap(image), "t", true, true))
                .allMatch(p -> p.severity() == Severity.ERROR)
                .hasSize(1);
    }

    @Test
    void bootfsWarningsCarryTheItemEntryAndDirentOffset() {
        byte[] dir = concat(RawZbi.dirent("b", 1, 4096), RawZbi.dirent("a//x", 1, 8192), RawZbi.dirent("b", 1, 4096));
        byte[] b = place(new byte[3 * 4096], 16, dir);
        putInt(putInt(b, 0, 0xa56d3ff9), 4, dir.length);
        assertThat(check(container(item(BOOTFS, b, b.length, VERSION | CRC)), false))
                .containsExactly(
                        "warning: item 0 (BOOTFS) at 0x20: entry \"a//x\": bad path component",
                        "warning: item 0 (BOOTFS) at 0x34: entry \"b\": duplicate filename",
                        "warning: item 0 (BOOTFS) at 0x20: entry \"a//x\": directory not sorted");
    }

    @Test
    void crcMismatchOfTheToolsEmptyFileDefectIsNotedAndCanBeTolerated() throws Exception {
        try (ZbiImage image = ZbiImage.open(ReaderCorpus.root().resolve("zbi-tool-2020/bootfs-dir-uncompressed.zbi"))) {
            assertThat(image.items().get(0).crcMatchesEmptyFileDefect()).isTrue();
            String defect = "item 0 (BOOTFS) at 0x20: CRC mismatch (matches reference-tool empty-file CRC defect)";
            assertThat(ImageChecker.check(image, true, false))
                    .extracting(Problem::toString)
                    .containsExactly("error: " + defect);
            assertThat(ImageChecker.check(image, true, false, true))
                    .extracting(Problem::toString)
                    .containsExactly("warning: " + defect);
            assertThat(ImageChecker.check(image, true, true, true))
                    .extracting(Problem::toString)
                    .containsExactly("error: " + defect);
        }
    }

    @Test
    void emptyLastFileIsAcceptedButBreaksTheToolRule() throws Exception {
        try (ZbiImage image = ZbiImage.open(ReaderCorpus.root().resolve("zbi-tool-2020/bootfs-empty-last-zstd.zbi"))) {
            assertThat(ImageChecker.check(image, true, false))
                    .extracting(Problem::toString)
                    .containsExactly("warning: item 0 (BOOTFS) at 0x20: entry \"zz-empty\": offset+size too large");
            assertThat(ImageChecker.hasErrors(ImageChecker.check(image, true, true)))
                    .isTrue();
        }
    }

    @Test
    void everyEmptyFileCrcDefectInTheCorpusIsRecognisedAndNoOtherMismatch() throws Exception {
        for (String name : List.of("bootfs-dir-uncompressed", "mixed-items", "bootfs-empty-last-uncompressed")) {
            try (ZbiImage image = ZbiImage.open(ReaderCorpus.root().resolve("zbi-tool-2020/" + name + ".zbi"))) {
                assertThat(image.items())
                        .filteredOn(i -> i.crcStatus() == CrcStatus.MISMATCH)
                        .isNotEmpty()
                        .allMatch(ZbiItem::crcMatchesEmptyFileDefect);
            }
        }
    }

    @Test
    void kernelDriverMayUseExtra() {
        byte[] kdrv = item(0x5652444b, new byte[8], 3, VERSION);
        assertThat(check(container(kdrv), false)).isEmpty();
        assertThat(check(container(header(0x5652444b, 0, 0, VERSION, 0, 0, 0xb5781729, 0x4a87e8d6)), false))
                .isEmpty();
    }

    @Test
    void listingCheckReadsTheDirectoryButLeavesBrokenFileDataToTheFullCheck() throws Exception {
        BootfsBuilder builder = new BootfsBuilder();
        byte[] big = new byte[1 << 20];
        new java.util.SplittableRandom(7).nextBytes(big);
        builder.add("bin/app", big);
        ZbiWriter writer = new ZbiWriter();
        writer.addStorageItem(ItemType.BOOTFS, builder, Compression.parse("zstd:1"));
        byte[] image = writer.toBytes();
        // Claim one page more than the stream holds: the directory still reads, the data falls short.
        ByteBuffer header = ByteBuffer.wrap(image).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        header.putInt(32 + 8, header.getInt(32 + 8) + 4096);

        ZbiImage zbi = ZbiImage.read(ByteBuffer.wrap(image), "test");
        assertThat(ImageChecker.checkListing(zbi, false)).isEmpty();
        assertThat(ImageChecker.check(zbi, false, false))
                .extracting(Problem::severity, Problem::reason)
                .contains(org.assertj.core.groups.Tuple.tuple(
                        Severity.ERROR, "decompression produced too little data by 4096 bytes"));
    }

    @Test
    void listingCheckStillReportsDirectoryRulesAndCrcMismatches() throws Exception {
        byte[] bootfs = FailFixtures.validBootfs();
        byte[] image = container(item(BOOTFS, bootfs, bootfs.length, VERSION | CRC));
        image[image.length - 1] ^= 1;
        ZbiImage zbi = ZbiImage.read(ByteBuffer.wrap(image), "test");
        assertThat(ImageChecker.checkListing(zbi, true))
                .extracting(Problem::reason)
                .contains("CRC mismatch");
        assertThat(ImageChecker.checkListing(zbi, false)).isEmpty();
    }
}
