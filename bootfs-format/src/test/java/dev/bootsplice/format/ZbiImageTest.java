package dev.bootsplice.format;

import static dev.bootsplice.format.RawZbi.container;
import static dev.bootsplice.format.RawZbi.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening images: ZBI vs bare BOOTFS, bootability rules, payload views and images beyond 2 GiB. */
class ZbiImageTest {
    static final byte[] KERNEL = item(0x4c4e524b, new byte[16], 0, 0x10000);
    static final byte[] KERNEL_ARM = item(0x384e524b, new byte[16], 0, 0x10000);

    private static ZbiImage read(byte[] bytes) throws ZbiFormatException {
        return ZbiImage.read(ByteBuffer.wrap(bytes), "t");
    }

    @Test
    void bareBootfsIsOneSyntheticBootfsItemAtOffsetZero() throws Exception {
        byte[] bootfs = FailFixtures.validBootfs();
        ZbiImage image = read(bootfs);
        assertThat(image.isBareBootfs()).isTrue();
        ZbiItem item = image.items().get(0);
        assertThat(item.isSynthetic()).isTrue();
        assertThat(item.type()).isEqualTo(ItemType.BOOTFS);
        assertThat(item.index()).isZero();
        assertThat(item.offset()).isZero();
        assertThat(item.length()).isEqualTo(bootfs.length);
        assertThat(item.crcStatus()).isEqualTo(CrcStatus.NONE);
        assertThat(item.payload()).isEqualTo(ByteBuffer.wrap(bootfs));
        assertThat(image.firstBootfs()).contains(item);
    }

    @Test
    void newestRulesNeedOnlyAKernelFirst() throws Exception {
        assertThat(read(container(KERNEL)).bootability()).isEqualTo(new Bootability(true, "bootable image"));
        assertThat(read(container(KERNEL)).bootability(ItemType.KERNEL_ARM64))
                .isEqualTo(new Bootability(false, "kernel arch mismatch"));
        assertThat(read(container(KERNEL_ARM))
                        .bootability(ItemType.KERNEL_ARM64)
                        .bootable())
                .isTrue();
        assertThat(read(container(item(0x4c444d43, new byte[1], 0, 0x10000), KERNEL))
                        .bootability())
                .isEqualTo(new Bootability(false, "first item not KERNEL"));
        assertThat(read(container()).bootability().verdictLine()).isEqualTo("UNBOOTABLE: empty ZBI");
        assertThat(read(container(KERNEL)).completeness(null).completeVerdictLine())
                .isEqualTo("INCOMPLETE: no /boot BOOTFS item");
    }

    @Test
    void uncompressedSizeIsExtraOnlyWhenCompressed() throws Exception {
        ZbiImage image =
                read(container(item(0x4b534452, new byte[8], 0, 0x30000), item(0x4c444d43, new byte[8], 0, 0x30001)));
        assertThat(image.items().get(0).uncompressedSize()).isEqualTo(8);
        ZbiItem flagged = image.items().get(1);
        assertThat(flagged.isCompressed()).isFalse();
        assertThat(flagged.hasCompressedFlagOnNonStorage()).isTrue();
        assertThat(flagged.payload().remaining()).isEqualTo(8);
    }

    @Test
    void trailingBytesAfterTheContainerAreAllowed() throws Exception {
        ZbiImage image = read(RawZbi.concat(container(KERNEL), new byte[5]));
        assertThat(image.items()).hasSize(1);
        assertThat(image.size()).isEqualTo(32 + 48 + 5);
    }

    @Test
    void callerBufferIsNotCopiedAndPayloadsAreReadOnly() throws Exception {
        byte[] bytes = container(item(0x4c444d43, new byte[8], 0, 0x10000));
        ZbiImage image = read(bytes);
        bytes[64] = 42;
        assertThat(image.items().get(0).payload().get(0)).isEqualTo((byte) 42);
        assertThatThrownBy(() -> image.items().get(0).payload().put(0, (byte) 1))
                .isInstanceOf(java.nio.ReadOnlyBufferException.class);
    }

    @Test
    void imagesLargerThanTwoGibAreReadRegionByRegion(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sparse.zbi");
        long payload = (5L << 29) + 8;
        byte[] head = RawZbi.header(0x4b534452, payload, payload, 0x10000, 0, 0, 0xb5781729, 0x4a87e8d6);
        byte[] tail = item(0x4c444d43, "end".getBytes(), 0, 0x30000);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(RawZbi.containerHeader(32 + payload + tail.length));
            f.write(head);
            f.seek(64 + payload - 8);
            f.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            f.write(tail);
        }
        try (ZbiImage image = ZbiImage.open(file)) {
            assertThat(image.size()).isGreaterThan(Integer.MAX_VALUE);
            ZbiItem big = image.items().get(0);
            assertThat(big.length()).isEqualTo(payload);
            assertThat(big.rawPayload(payload - 8, 8).get(7)).isEqualTo((byte) 8);
            assertThatThrownBy(big::rawPayload).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(big::payload).isInstanceOf(ZbiFormatException.class);
            ZbiItem last = image.items().get(1);
            assertThat(last.offset()).isEqualTo(64 + payload);
            assertThat(last.crcStatus()).isEqualTo(CrcStatus.OK);
            CRC32 crc = new CRC32();
            crc.update(last.rawPayload());
            assertThat(crc.getValue()).isNotZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theImageDigestIsTheSha256OfTheBytesAsStoredPaddingAndTrailingBytesIncluded() throws Exception {
        byte[] image =
                RawZbi.concat(container(item(0x4c444d43, RawZbi.ascii("abc"), 0, 0x10000)), RawZbi.ascii("tail"));
        // The CMDLINE payload of 3 bytes is padded to 8; non-zero padding breaks no rule verify checks.
        java.util.Arrays.fill(image, 32 + 32 + 3, 32 + 32 + 8, (byte) 0xaa);
        ZbiImage zbi = read(image);
        assertThat(ImageChecker.hasErrors(ImageChecker.check(zbi, true, false))).isFalse();
        String expected = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(image));
        assertThat(zbi.sha256()).isEqualTo(expected);
        java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
        zbi.readBytes((offset, chunk) -> {
            assertThat(offset).isEqualTo(seen.size());
            byte[] b = new byte[chunk.remaining()];
            chunk.get(b);
            seen.writeBytes(b);
        });
        assertThat(seen.toByteArray()).isEqualTo(image);
    }

    @Test
    void aFileThatShrankAfterOpeningNamesTheFirstItemItCuts(@TempDir Path dir) throws Exception {
        Path file =
                Files.write(dir.resolve("two.zbi"), container(KERNEL, item(0x42534642, new byte[4096], 4096, 0x10000)));
        try (ZbiImage image = ZbiImage.open(file)) {
            assertThat(image.shrankSinceOpened()).isFalse();
            assertThat(image.readFault().getMessage())
                    .isEqualTo("at 0x0: input/output error while reading the mapped file");
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                f.setLength(100);
            }
            assertThat(image.shrankSinceOpened()).isTrue();
            assertThat(image.readFault())
                    .hasMessage("item 1 (BOOTFS) at 0x50: file shrank to 100 bytes while being read" + " (it had "
                            + (32 + 48 + 32 + 4096) + ")");
        }
    }
}
