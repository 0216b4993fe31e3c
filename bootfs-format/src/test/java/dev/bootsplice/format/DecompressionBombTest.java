package dev.bootsplice.format;

import static dev.bootsplice.format.RawZbi.COMPRESSED;
import static dev.bootsplice.format.RawZbi.CRC;
import static dev.bootsplice.format.RawZbi.VERSION;
import static dev.bootsplice.format.RawZbi.container;
import static dev.bootsplice.format.RawZbi.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Tiny items that claim huge uncompressed sizes fail fast, before allocating what they claim. */
class DecompressionBombTest {
    static final int RAMDISK = 0x4b534452;
    static final int BOOTFS = 0x42534642;
    static final int FLAGS = VERSION | CRC | COMPRESSED;
    static final Duration FAST = Duration.ofMillis(500);

    private static ZbiItem only(byte[] zbi) throws ZbiFormatException {
        return ZbiImage.read(ByteBuffer.wrap(zbi), "bomb").items().get(0);
    }

    /** A zstd frame that truthfully declares {@code size} zero bytes: the densest possible real input. */
    private static byte[] zeros(int size) {
        return Zstd.compress(new byte[size], 19);
    }

    @Test
    void hundredByteZstdItemClaimingFourGibFailsFastWithoutAllocating() throws Exception {
        ZbiItem item = only(container(item(RAMDISK, new byte[100], 0xffff_ffffL, FLAGS)));
        byte[] zstd = zeros(26);
        ZbiItem bomb = only(container(item(RAMDISK, zstd, 0xffff_ffffL, FLAGS)));
        long before = usedHeap();
        long start = System.nanoTime();
        assertThatThrownBy(bomb::payload)
                .isInstanceOf(ZbiFormatException.class)
                .hasMessage("item 0 (RAMDISK) at 0x20: bad or corrupted data: uncompressed length not as expected");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
        assertThat(usedHeap() - before).isLessThan(64L << 20);
        assertThatThrownBy(item::payload)
                .isInstanceOf(ZbiFormatException.class)
                .hasMessageContaining("compressed payload magic number not recognized");
    }

    @Test
    void claimWithinTheRatioButBeyondTheFrameContentSizeFailsBeforeDecompressing() throws Exception {
        byte[] zstd = zeros(1 << 20);
        long claim = Math.min(zstd.length * Decompression.MAX_ZSTD_RATIO, Decompression.MAX_UNCOMPRESSED);
        ZbiItem item = only(container(item(RAMDISK, zstd, (1 << 20) - 1, FLAGS)));
        assertThatThrownBy(item::payload).hasMessageEndingWith("decompression produced too much data");
        ZbiItem big = only(container(item(RAMDISK, zstd, claim, FLAGS)));
        long start = System.nanoTime();
        assertThatThrownBy(big::payload).isInstanceOf(ZbiFormatException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void lz4ItemClaimingFourGibFailsFast() throws Exception {
        byte[] lz4 = FailFixtures.lz4f(new byte[1000]);
        ZbiItem bomb = only(container(item(RAMDISK, lz4, 0xffff_ffffL, FLAGS)));
        long start = System.nanoTime();
        assertThatThrownBy(bomb::payload)
                .hasMessage("item 0 (RAMDISK) at 0x20: bad or corrupted data: uncompressed length not as expected");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
    }

    @Test
    void lz4ItemClaimingMoreThanItHoldsGrowsOnlyAsFarAsTheRealDataAndFails() throws Exception {
        byte[] lz4 = FailFixtures.lz4f(new byte[100_000]);
        long claim = lz4.length * Decompression.MAX_LZ4_RATIO;
        ZbiItem item = only(container(item(RAMDISK, lz4, claim, FLAGS)));
        assertThatThrownBy(item::payload)
                .hasMessageEndingWith("decompression produced too little data by " + (claim - 100_000) + " bytes");
    }

    @Test
    void compressedBootfsDirectoryBombFailsInParseDirectoryToo() throws Exception {
        ZbiItem bomb = only(container(item(BOOTFS, zeros(64), 0xffff_ffffL, FLAGS)));
        assertThatThrownBy(() -> Bootfs.parseDirectory(bomb))
                .hasMessage("item 0 (BOOTFS) at 0x20: bad or corrupted data: uncompressed length not as expected");
    }

    @Test
    void highlyCompressedPayloadsDecompressThroughTheGrowingBufferPath() throws Exception {
        byte[] data = new byte[4 << 20];
        for (int i = 0; i < data.length; i += 4096) {
            data[i] = (byte) (i >>> 12);
        }
        byte[] zstd = Zstd.compress(data, 3);
        assertThat((long) data.length)
                .isGreaterThan(zstd.length * Decompression.UPFRONT_RATIO + Decompression.RATIO_SLACK);
        ZbiItem item = only(container(item(RAMDISK, zstd, data.length, FLAGS)));
        assertThat(item.payload()).isEqualTo(ByteBuffer.wrap(data));
        ZbiItem lz4 = only(container(item(RAMDISK, FailFixtures.lz4f(data), data.length, FLAGS)));
        assertThat(lz4.payload()).isEqualTo(ByteBuffer.wrap(data));
    }

    @Test
    void concatenatedZstdFramesDecompressOnBothPaths() throws Exception {
        byte[] text = FailFixtures.ALPHABET;
        byte[] two = RawZbi.concat(Zstd.compress(text, 3), Zstd.compress(text, 3));
        assertThat(only(container(item(RAMDISK, two, 52, FLAGS))).payload())
                .isEqualTo(ByteBuffer.wrap(RawZbi.concat(text, text)));
        byte[] zeros = new byte[1 << 20];
        byte[] big = RawZbi.concat(zeros(1 << 20), zeros(1 << 20));
        assertThat(only(container(item(RAMDISK, big, 2 << 20, FLAGS))).payload())
                .isEqualTo(ByteBuffer.wrap(RawZbi.concat(zeros, zeros)));
        assertThatThrownBy(only(container(item(RAMDISK, big, (2 << 20) + 1, FLAGS)))::payload)
                .hasMessageEndingWith("decompression produced too little data by 1 bytes");
        assertThatThrownBy(only(container(item(RAMDISK, big, (2 << 20) - 1, FLAGS)))::payload)
                .hasMessageEndingWith("decompression produced too much data");
    }

    @Test
    void realRatioOfZeroFilledDataStaysBelowTheDocumentedBound() {
        for (int size : new int[] {1 << 16, 1 << 20, 1 << 24}) {
            assertThat((long) size)
                    .isLessThanOrEqualTo(zeros(size).length * Decompression.MAX_ZSTD_RATIO + Decompression.RATIO_SLACK);
        }
    }

    @Test
    void declaredZstdContentSizeIsReadFromTheFrameHeader() {
        assertThat(ZstdFrameHeader.contentSize(ByteBuffer.wrap(zeros(26)))).hasValue(26);
        assertThat(ZstdFrameHeader.contentSize(ByteBuffer.wrap(zeros(300)))).hasValue(300);
        assertThat(ZstdFrameHeader.contentSize(ByteBuffer.wrap(zeros(1 << 20)))).hasValue(1 << 20);
        assertThat(ZstdFrameHeader.contentSize(ByteBuffer.wrap(new byte[] {0x28, (byte) 0xb5, 0x2f})))
                .isEmpty();
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
