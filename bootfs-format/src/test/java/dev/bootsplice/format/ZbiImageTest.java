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
        assertThat(read(container(KERNEL_ARM)).bootability(ItemType.KERNEL_ARM64).bootable()).isTrue();
        assertThat(read(container(item(0x4c444d43, new byte[1], 0, 0x10000), KERNEL)).bootability())
                .isEqualTo(new Bootability(false, "first item not KERNEL"));
        assertThat(read(container()).bootability().verdictLine()).isEqualTo("UNBOOTABLE: empty ZBI");
        assertThat(read(container(KERNEL)).completeness(null).completeVerdictLine())
                .isEqualTo("INCOMPLETE: no /boot BOOTFS item");
    }

    @Test
    void uncompressedSizeIsExtraOnlyWhenCompressed() throws Exception {
        ZbiImage image = read(container(item(0x4b534452, new byte[8], 0, 0x30000), item(0x4c444d43, new byte[8], 0,
                0x30001)));
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
}
