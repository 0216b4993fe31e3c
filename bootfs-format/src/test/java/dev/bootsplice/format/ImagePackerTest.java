package dev.bootsplice.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImagePackerTest {
    @TempDir
    Path dir;

    private static Path tree() {
        return WriterCorpus.file("zbi-tool-2020/inputs/tree");
    }

    private static byte[] referencePayload(String image) throws Exception {
        try (ZbiImage zbi = ZbiImage.open(WriterCorpus.file(image))) {
            return WriterCorpus.arrayOf(zbi.firstBootfs().orElseThrow().payload());
        }
    }

    private static byte[] bytes(ImagePacker packer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        packer.writeTo(out);
        return out.toByteArray();
    }

    private static ZbiImage read(byte[] zbi) throws Exception {
        return ZbiImage.read(ByteBuffer.wrap(zbi), "packed");
    }

    @ParameterizedTest
    @CsvSource({
        "none, bootfs-dir-uncompressed.zbi",
        "zstd, bootfs-dir-zstd.zbi",
        "zstd:max, bootfs-dir-zstd-max.zbi",
        "lz4f, bootfs-dir-lz4f.zbi"
    })
    void packingTheReferenceTreeGivesTheReferenceBootfsUnderEveryCompression(String compression, String reference)
            throws Exception {
        byte[] zbi = bytes(new ImagePacker()
                .input(tree())
                .compression(Compression.parse(compression))
                .rangeSharing(RangeSharing.SAME_FILE));
        byte[] referenceZbi = WriterCorpus.bytes("zbi-tool-2020/" + reference);
        try (ZbiImage image = read(zbi)) {
            ZbiItem bootfs = image.items().get(0);
            assertThat(image.items()).hasSize(1);
            assertThat(bootfs.crcStatus()).isEqualTo(CrcStatus.OK);
            assertThat(WriterCorpus.arrayOf(bootfs.payload()))
                    .isEqualTo(referencePayload("zbi-tool-2020/" + reference));
            assertThat(bootfs.isCompressed()).isEqualTo(!compression.equals("none"));
            assertThat(bootfs.extra()).isEqualTo(32768);
            // libzstd at level 19 now finds a slightly better parse than the 2020 tool's (536 vs 552 bytes).
            assertThat((double) zbi.length)
                    .isCloseTo(referenceZbi.length, org.assertj.core.data.Percentage.withPercentage(5));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "zstd, zbi-tool-2020/inputs/tree, zbi-tool-2020/bootfs-dir-zstd.zbi",
        "lz4f, zbi-tool-2020/inputs/tree, zbi-tool-2020/bootfs-dir-lz4f.zbi",
        "zstd, zbi-tool-2020/inputs/empty-last, zbi-tool-2020/bootfs-empty-last-zstd.zbi"
    })
    void compressedPacksOfTheReferenceTreesAreByteIdenticalToTheReferenceTool(
            String compression, String tree, String reference) throws Exception {
        byte[] zbi = bytes(new ImagePacker()
                .input(WriterCorpus.file(tree))
                .compression(Compression.parse(compression))
                .rangeSharing(RangeSharing.SAME_FILE));
        assertThat(zbi).isEqualTo(WriterCorpus.bytes(reference));
    }

    @Test
    void theAbcManifestCompressesToUpstreamZbitlsHardCodedStreamAndCrc() throws Exception {
        Path files = WriterCorpus.file("zbitl/files");
        Path manifest = Files.writeString(
                dir.resolve("abc.txt"),
                "A.txt=" + files.resolve("A.txt") + "\nnested/B.txt=" + files.resolve("B.txt") + "\nnested/again/C.txt="
                        + files.resolve("C.txt"));
        WriterCorpus.RawItem item =
                WriterCorpus.items(bytes(new ImagePacker().input(manifest))).get(0);
        // src/lib/zbitl/tests/tests.cc: a 336-byte zstd stream with CRC 693243498 (the corpus copy is 2 bytes shorter).
        assertThat(item.length()).isEqualTo(336);
        assertThat(item.extra()).isEqualTo(16384);
        assertThat(item.crc32()).isEqualTo(693243498L);
    }

    @ParameterizedTest
    @CsvSource({"SAME_CONTENT, 0x4000, 0x5000", "SAME_FILE, 0x5000, 0x6000"})
    void theSampleFixtureTreePacksToTheHandComputedDirectory(RangeSharing sharing, long oneOffset, long size)
            throws Exception {
        Path sample = Path.of("..", "testdata", "trees", "sample");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(sample), "fixture tree not found at " + sample);
        byte[] bootfs = bytes(new ImagePacker().input(sample).bootfsOnly(true).rangeSharing(sharing));
        assertThat(bootfs).hasSize((int) size);
        assertThat(BootfsBuilderTest.dirents(ByteBuffer.wrap(bootfs)))
                .containsExactly(
                        new BootfsBuilderTest.Dirent("a/x", 2, 0x1000),
                        new BootfsBuilderTest.Dirent("a-b", 3, 0x2000),
                        new BootfsBuilderTest.Dirent("bin/app", 6, 0x3000),
                        new BootfsBuilderTest.Dirent("data/empty", 0, 0x4000),
                        new BootfsBuilderTest.Dirent("lib/copy-of-one.txt", 4, 0x4000),
                        new BootfsBuilderTest.Dirent("lib/one.txt", 4, oneOffset));
        assertThat(ByteBuffer.wrap(bootfs)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .getInt(4))
                .isEqualTo(132);
    }

    @Test
    void packingIsByteForByteReproducible() throws Exception {
        ImagePacker packer = new ImagePacker().input(tree()).cmdline("a=b");
        Path first = dir.resolve("1.zbi");
        Path second = dir.resolve("2.zbi");
        packer.pack(first, false);
        packer.pack(second, false);
        assertThat(Files.readAllBytes(first))
                .isEqualTo(Files.readAllBytes(second))
                .isEqualTo(bytes(packer));
    }

    @Test
    void aManifestWithAPrefixGivesTheReferencePrefixedBootfs() throws Exception {
        Path manifest = Files.writeString(
                dir.resolve("m.txt"),
                "bin/app=" + tree().resolve("bin/app") + "\nzlast.txt=" + tree().resolve("zlast.txt") + "\n");
        byte[] zbi = bytes(new ImagePacker().prefix("pfx").input(manifest).compression(Compression.NONE));
        try (ZbiImage image = read(zbi)) {
            assertThat(WriterCorpus.arrayOf(image.items().get(0).payload()))
                    .isEqualTo(referencePayload("zbi-tool-2020/bootfs-prefixed.zbi"));
        }
    }

    @Test
    void manifestSourcesAreRelativeToTheManifestsFolderAndMayBeDirectories() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("in/d"));
        Files.writeString(sub.resolve("x"), "x");
        Files.writeString(dir.resolve("in/y"), "y");
        Path manifest = Files.writeString(dir.resolve("in/manifest"), "etc/y=y\r\n\nlib=d\n");
        byte[] bootfs = bytes(new ImagePacker().input(manifest).bootfsOnly(true));
        assertThat(BootfsBuilderTest.dirents(ByteBuffer.wrap(bootfs)))
                .extracting(BootfsBuilderTest.Dirent::name)
                .containsExactly("etc/y", "lib/x");
    }

    @Test
    void theAbcManifestPackedBareGivesTheSpecsBootfsDigest() throws Exception {
        Path files = WriterCorpus.file("zbitl/files");
        Path manifest = Files.writeString(
                dir.resolve("abc.txt"),
                "A.txt=" + files.resolve("A.txt") + "\nnested/B.txt=" + files.resolve("B.txt") + "\nnested/again/C.txt="
                        + files.resolve("C.txt"));
        assertThat(WriterCorpus.sha256(bytes(new ImagePacker().input(manifest).bootfsOnly(true))))
                .isEqualTo("59c7eaedf362bc010369fb6a236c3bd31c9c3562ed8ad939b23cda6d7ffe847e");
    }

    @Test
    void kernelZbiBootfsAndCmdlineRebuildTheCompleteReferenceImagesItems() throws Exception {
        Path kernelZbi = dir.resolve("kernel.zbi");
        try (ZbiImage complete = ZbiImage.open(WriterCorpus.file("zbi-tool-2020/complete-x64.zbi"))) {
            new ZbiWriter().copyItem(complete.items().get(0)).writeTo(kernelZbi, false);
        }
        Path files = WriterCorpus.file("zbitl/files");
        Path manifest = Files.writeString(
                dir.resolve("abc.txt"),
                "A.txt=" + files.resolve("A.txt") + "\nnested/B.txt=" + files.resolve("B.txt") + "\nnested/again/C.txt="
                        + files.resolve("C.txt"));
        byte[] zbi = bytes(new ImagePacker().kernel(kernelZbi).input(manifest).cmdline("kernel.foo=bar"));
        List<WriterCorpus.RawItem> ours = WriterCorpus.items(zbi);
        List<WriterCorpus.RawItem> reference = WriterCorpus.items(WriterCorpus.bytes("zbi-tool-2020/complete-x64.zbi"));
        assertThat(ours)
                .extracting(WriterCorpus.RawItem::type)
                .containsExactly(ItemType.KERNEL_X64.code(), ItemType.CMDLINE.code(), ItemType.BOOTFS.code());
        assertThat(ours.get(0)).usingRecursiveComparison().isEqualTo(reference.get(0));
        assertThat(ours.get(1)).usingRecursiveComparison().isEqualTo(reference.get(2));
        try (ZbiImage image = read(zbi)) {
            assertThat(image.bootability().bootable()).isTrue();
            assertThat(WriterCorpus.arrayOf(image.items().get(2).payload()))
                    .isEqualTo(referencePayload("zbi-tool-2020/complete-x64.zbi"));
        }
    }

    @Test
    void aRawKernelFileBecomesTheFirstItemWithACrc() throws Exception {
        Path kernel = Files.write(dir.resolve("kernel.bin"), new byte[64]);
        byte[] zbi = bytes(new ImagePacker().kernel(kernel).input(tree()));
        try (ZbiImage image = read(zbi)) {
            ZbiItem first = image.items().get(0);
            assertThat(first.type()).isEqualTo(ItemType.KERNEL_X64);
            assertThat(first.crcStatus()).isEqualTo(CrcStatus.OK);
            assertThat(image.bootability().bootable()).isTrue();
        }
    }

    @Test
    void cmdlineFragmentsMergeLikeTheReferenceTool() throws Exception {
        byte[] zbi = bytes(new ImagePacker()
                .cmdline("console=serial kernel.halt-on-panic=true")
                .cmdline("  second.fragment=1  "));
        WriterCorpus.RawItem cmdline = WriterCorpus.items(zbi).get(0);
        assertThat(cmdline.length()).isEqualTo(61);
        assertThat(new String(cmdline.payload(), StandardCharsets.US_ASCII))
                .isEqualTo("console=serial kernel.halt-on-panic=true   second.fragment=1\0");
    }

    @Test
    void inputImagesKeepTheirItemsAndMergeTheirBootfsAndCmdline() throws Exception {
        Path first = dir.resolve("first.zbi");
        Path ramdisk = Files.write(dir.resolve("ramdisk.img"), new byte[5000]);
        new ImagePacker()
                .input(tree())
                .cmdline("one=1")
                .item("RAMDISK:" + ramdisk)
                .pack(first, false);
        Path extra = Files.createDirectories(dir.resolve("extra/etc"));
        Files.writeString(extra.resolve("motd"), "hi");
        byte[] zbi =
                bytes(new ImagePacker().input(first).input(dir.resolve("extra")).cmdline("two=2"));
        try (ZbiImage image = read(zbi)) {
            assertThat(image.items())
                    .extracting(ZbiItem::type)
                    .containsExactly(ItemType.RAMDISK, ItemType.CMDLINE, ItemType.BOOTFS);
            assertThat(new String(WriterCorpus.arrayOf(image.items().get(1).payload()), StandardCharsets.UTF_8))
                    .isEqualTo("one=1 two=2\0");
            Bootfs bootfs = Bootfs.parse(image.items().get(2).payload());
            assertThat(bootfs.entries())
                    .extracting(BootfsEntry::name)
                    .containsExactly(
                            "bin/app",
                            "data/big.bin",
                            "data/empty",
                            "etc/motd",
                            "lib/one.txt",
                            "lib/sub/two.txt",
                            "zlast.txt");
            BootfsEntry big = bootfs.entries().get(1);
            assertThat(WriterCorpus.arrayOf(bootfs.content(big)))
                    .isEqualTo(Files.readAllBytes(tree().resolve("data/big.bin")));
        }
    }

    @Test
    void itemOptionsMergeBootfsAndCmdlineFilesAndStoreOthersAsGiven() throws Exception {
        Path bare = dir.resolve("extra.bootfs");
        Files.write(
                bare,
                WriterCorpus.arrayOf(
                        new BootfsBuilder().add("etc/extra", new byte[] {7}).build()));
        Path cmdline = Files.writeString(dir.resolve("cmdline.txt"), "from.file=1\n");
        Path blob = Files.write(dir.resolve("platform.bin"), new byte[] {1, 2, 3});
        byte[] zbi = bytes(new ImagePacker()
                .input(tree())
                .item("BOOTFS:" + bare)
                .item("cmdline:" + cmdline)
                .item("0x44494c50:" + blob)
                .compression(Compression.NONE));
        try (ZbiImage image = read(zbi)) {
            assertThat(image.items())
                    .extracting(ZbiItem::type)
                    .containsExactly(ItemType.PLATFORM_ID, ItemType.CMDLINE, ItemType.BOOTFS);
            assertThat(WriterCorpus.arrayOf(image.items().get(0).payload())).containsExactly(1, 2, 3);
            assertThat(new String(WriterCorpus.arrayOf(image.items().get(1).payload()), StandardCharsets.UTF_8))
                    .isEqualTo("from.file=1\0");
            assertThat(Bootfs.parse(image.items().get(2).payload()).entries())
                    .extracting(BootfsEntry::name)
                    .contains("etc/extra", "bin/app");
        }
    }

    @Test
    void duplicateNamesAcrossInputsAreUsageErrors() {
        ImagePacker packer = new ImagePacker().input(tree()).input(tree());
        assertThatThrownBy(() -> bytes(packer))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("duplicate target path");
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        assertThatThrownBy(() -> new ImagePacker().prefix("/abs")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> new ImagePacker().prefix("a/../b")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> new ImagePacker().item("RAMDISK")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> new ImagePacker().item("NOPE:x"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unrecognized type");
        Path kernel = Files.write(dir.resolve("k"), new byte[20]);
        assertThatThrownBy(() -> bytes(new ImagePacker().bootfsOnly(true).kernel(kernel)))
                .isInstanceOf(UsageException.class);
        Path twoItems = dir.resolve("two.zbi");
        new ZbiWriter()
                .addItem(ItemType.KERNEL_X64, 0, ByteBuffer.wrap(new byte[16]))
                .addItem(ItemType.CMDLINE, 0, ByteBuffer.wrap(new byte[] {'x', 0}))
                .writeTo(twoItems, false);
        assertThatThrownBy(() -> bytes(new ImagePacker().kernel(twoItems)))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("exactly one kernel item");
        Path tiny = Files.write(dir.resolve("tiny"), new byte[3]);
        assertThatThrownBy(() -> bytes(new ImagePacker().kernel(tiny)))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("zbi_kernel_t");
    }

    @Test
    void aManifestLineWithoutEqualsIsAnInputErrorNamingTheLine() throws Exception {
        Path manifest = Files.writeString(dir.resolve("bad.txt"), "a=b\nno separator here\n");
        Files.writeString(dir.resolve("b"), "b");
        assertThatThrownBy(() -> bytes(new ImagePacker().input(manifest)))
                .isInstanceOf(IOException.class)
                .hasMessageEndingWith("bad.txt:2: manifest entry has no '=' separator: no separator here");
    }

    @Test
    void aBinaryFileThatIsNeitherImageNorManifestIsAnInputError() throws Exception {
        Path binary = Files.write(dir.resolve("blob.bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x3d, 0x00});
        assertThatThrownBy(() -> bytes(new ImagePacker().input(binary)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("nor a UTF-8 manifest");
    }

    @Test
    void aBrokenInputImageIsAnInputErrorNamingTheFile() throws Exception {
        byte[] broken = WriterCorpus.bytes("zbitl/one-item.zbi");
        broken[4] = (byte) 0xf0;
        Path bad = Files.write(dir.resolve("bad.zbi"), broken);
        assertThatThrownBy(() -> bytes(new ImagePacker().input(bad)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bad.zbi")
                .hasCauseInstanceOf(ZbiFormatException.class);
    }

    @Test
    void packRefusesToOverwriteUnlessForced() throws Exception {
        Path in = tree(); // outside the lambda: without the corpus the test is skipped, not failed
        Path out = Files.writeString(dir.resolve("out.zbi"), "keep");
        assertThatThrownBy(() -> new ImagePacker().input(in).pack(out, false))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(out)).isEqualTo("keep");
        PackSummary summary = new ImagePacker().input(tree()).pack(out, true);
        assertThat(summary).isEqualTo(new PackSummary(1, 6, 4, 0x7000, Files.size(out)));
    }

    @Test
    void bareBootfsOutputReadsBackAsABootfsImage() throws Exception {
        Path out = dir.resolve("tree.bootfs");
        new ImagePacker()
                .input(tree())
                .bootfsOnly(true)
                .rangeSharing(RangeSharing.SAME_FILE)
                .pack(out, false);
        assertThat(Files.readAllBytes(out)).isEqualTo(WriterCorpus.bytes("zbi-tool-2020/bootfs-dir.bootfs"));
        try (ZbiImage image = ZbiImage.open(out)) {
            assertThat(image.isBareBootfs()).isTrue();
        }
    }
}
