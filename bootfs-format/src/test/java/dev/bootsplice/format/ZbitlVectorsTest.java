package dev.bootsplice.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The zbitl test vectors of spec §4.10, read from the corpus and rebuilt by hand. */
class ZbitlVectorsTest {
    static final String[] GETTYSBURG_CRCS = {
        "3172087020",
        "2653628068",
        "1659816855",
        "2798301622",
        "833025785",
        "1420658445",
        "1308637244",
        "764240975",
        "2938513956",
        "3173475760"
    };
    static final long[] GETTYSBURG_LENGTHS = {176, 131, 47, 139, 59, 105, 116, 107, 136, 448};

    private static ZbiImage open(String name) throws Exception {
        return ZbiImage.open(ReaderCorpus.root().resolve("zbitl").resolve(name));
    }

    @Test
    void emptyZbiIsAContainerWithNoItems() throws Exception {
        try (ZbiImage image = open("empty.zbi")) {
            assertThat(image.size()).isEqualTo(32);
            assertThat(image.containerLength()).isZero();
            assertThat(image.items()).isEmpty();
            assertThat(image.bootability()).isEqualTo(new Bootability(false, "empty ZBI"));
        }
    }

    @Test
    void oneItemHoldsHelloWorldWithItsKnownCrc() throws Exception {
        try (ZbiImage image = open("one-item.zbi")) {
            assertThat(image.size()).isEqualTo(80);
            ZbiItem item = image.items().get(0);
            assertThat(item.type()).isEqualTo(ItemType.IMAGE_ARGS);
            assertThat(item.length()).isEqualTo(11);
            assertThat(item.storedCrc32()).isEqualTo(3608077223L).isEqualTo(item.computeCrc32());
            assertThat(item.crcStatus()).isEqualTo(CrcStatus.OK);
            assertThat(StandardCharsets.US_ASCII.decode(item.payload()).toString())
                    .isEqualTo("hello world");
        }
    }

    @Test
    void handBuiltOneItemEqualsTheSpecBytes() {
        byte[] built = RawZbi.container(RawZbi.item(0x47524149, RawZbi.ascii("hello world"), 0, 0x30000));
        assertThat(HexFormat.of().formatHex(built))
                .isEqualTo("424f4f5430000000e6f78c8600000100" + "0000000000000000291778b5d6e8874a"
                        + "494152470b0000000000000000000300" + "0000000000000000291778b5a7e30ed7"
                        + "68656c6c6f20776f726c640000000000");
    }

    @Test
    void compressedItemDecompressesToTheAlphabet() throws Exception {
        try (ZbiImage image = open("compressed-item.zbi")) {
            assertThat(image.size()).isEqualTo(104);
            ZbiItem item = image.items().get(0);
            assertThat(item.type()).isEqualTo(ItemType.RAMDISK);
            assertThat(item.length()).isEqualTo(35);
            assertThat(item.extra()).isEqualTo(26).isEqualTo(item.uncompressedSize());
            assertThat(item.flags()).isEqualTo(0x30001);
            assertThat(item.codec()).contains(Codec.ZSTD);
            assertThat(item.storedCrc32()).isEqualTo(3369636288L).isEqualTo(item.computeCrc32());
            assertThat(StandardCharsets.US_ASCII.decode(item.payload()).toString())
                    .isEqualTo("abcdefghijklmnopqrstuvwxyz");
        }
    }

    @Test
    void multipleSmallItemsHaveTheGettysburgLengthsAndCrcs() throws Exception {
        try (ZbiImage image = open("multiple-small-items.zbi")) {
            assertThat(image.size()).isEqualTo(1848);
            assertThat(image.containerLength()).isEqualTo(1816);
            List<ZbiItem> items = image.items();
            assertThat(items).hasSize(10);
            for (int i = 0; i < 10; i++) {
                assertThat(items.get(i).length()).isEqualTo(GETTYSBURG_LENGTHS[i]);
                assertThat(Long.toString(items.get(i).computeCrc32())).isEqualTo(GETTYSBURG_CRCS[i]);
                assertThat(items.get(i).crcStatus()).isEqualTo(CrcStatus.OK);
            }
        }
    }

    @Test
    void secondItemStartsOnThePageBoundary() throws Exception {
        try (ZbiImage image = open("second-item-on-page-boundary.zbi")) {
            assertThat(image.size()).isEqualTo(4160);
            assertThat(image.items()).extracting(ZbiItem::offset).containsExactly(0x20L, 0x1000L);
            assertThat(image.items()).extracting(ZbiItem::computeCrc32).containsExactly(2447293089L, 3746526874L);
        }
    }

    @Test
    void badCrcItemIteratesButFailsItsCrcCheck() throws Exception {
        try (ZbiImage image = open("bad-crc-item.zbi")) {
            ZbiItem item = image.items().get(0);
            assertThat(item.crcStatus()).isEqualTo(CrcStatus.MISMATCH);
            assertThat(item.crcMatchesEmptyFileDefect()).isFalse();
            assertThat(ImageChecker.check(image, true, false))
                    .singleElement()
                    .hasToString("error: item 0 (IMAGE_ARGS) at 0x20: CRC mismatch");
            assertThat(ImageChecker.check(image, false, false)).isEmpty();
        }
    }

    @Test
    void bootfsZbiHoldsTheThreeNestedFiles() throws Exception {
        try (ZbiImage image = open("bootfs.zbi")) {
            assertThat(image.size()).isEqualTo(400);
            assertThat(image.containerLength()).isEqualTo(368);
            ZbiItem item = image.firstBootfs().orElseThrow();
            assertThat(item.extra()).isEqualTo(16384);
            assertAbcBootfs(item.payload());
        }
    }

    @Test
    void uncompressedAbcBootfsHasTheSpecLayoutHashAndBothCrcs() throws Exception {
        Path bare = ReaderCorpus.root().resolve("zbi-tool-2020/bootfs-uncompressed.bootfs");
        try (ZbiImage image = ZbiImage.open(bare)) {
            ByteBuffer payload = image.items().get(0).payload();
            assertAbcBootfs(payload);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(payload.duplicate());
            assertThat(HexFormat.of().formatHex(sha.digest()))
                    .isEqualTo("59c7eaedf362bc010369fb6a236c3bd31c9c3562ed8ad939b23cda6d7ffe847e");
            byte[] bytes = new byte[payload.remaining()];
            payload.duplicate().get(bytes);
            assertThat(crcOfBootfsItem(bytes, 0)).isEqualTo(0xae82a9d4L);
            assertThat(crcOfBootfsItem(bytes, 16384)).isEqualTo(0x06138821L);
        }
    }

    private static long crcOfBootfsItem(byte[] bootfs, long extra) throws Exception {
        byte[] zbi = RawZbi.container(RawZbi.item(0x42534642, bootfs, extra, 0x30000));
        return ZbiImage.read(ByteBuffer.wrap(zbi), "abc").items().get(0).storedCrc32();
    }

    private static void assertAbcBootfs(ByteBuffer payload) throws Exception {
        Bootfs bootfs = Bootfs.parse(payload);
        assertThat(bootfs.capacity()).isEqualTo(16384);
        assertThat(bootfs.dirsize()).isEqualTo(80);
        assertThat(bootfs.entries())
                .containsExactly(
                        new BootfsEntry("A.txt", 4096, 176, 16),
                        new BootfsEntry("nested/B.txt", 8192, 131, 36),
                        new BootfsEntry("nested/again/C.txt", 12288, 47, 64));
        assertThat(bootfs.warnings()).isEmpty();
        assertThat(StandardCharsets.US_ASCII
                        .decode(bootfs.content(bootfs.entries().get(2)))
                        .toString())
                .isEqualTo("We are met on a great battle-field of that war.");
    }
}
