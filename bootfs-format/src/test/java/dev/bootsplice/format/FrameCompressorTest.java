package dev.bootsplice.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import net.jpountz.lz4.LZ4FrameInputStream;
import org.junit.jupiter.api.Test;

class FrameCompressorTest {
    private static final byte[] ALPHABET = "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);

    @Test
    void zstdFrameCarriesContentSizeAndNoChecksumLikeTheReference() throws IOException {
        byte[] frame = FrameCompressor.compress(Compression.DEFAULT, ALPHABET);
        // Spec §1.8: "28 b5 2f fd 20 1a" for a 26-byte input (single segment, 1-byte content size, no checksum).
        assertThat(frame).startsWith(0x28, 0xb5, 0x2f, 0xfd, 0x20, 0x1a);
        assertThat(Zstd.getFrameContentSize(frame)).isEqualTo(26);
        assertThat(Zstd.decompress(frame, 26)).isEqualTo(ALPHABET);
    }

    @Test
    void zstdOutputDoesNotDependOnTheWorkerCount() throws IOException {
        byte[] data = binaryLike(3 << 20, 7);
        assertThat(zstd(data, 1)).isEqualTo(zstd(data, 3));
    }

    @Test
    void zstdRoundTripsLargeInputWrittenInOddChunks() throws IOException {
        byte[] data = binaryLike(5 << 20 | 123, 11);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream frame = FrameCompressor.open(Compression.parse("zstd:1"), data.length, out)) {
            for (int off = 0; off < data.length; off += 77_777) {
                frame.write(data, off, Math.min(77_777, data.length - off));
            }
        }
        byte[] compressed = out.toByteArray();
        assertThat(compressed.length).isLessThan(data.length);
        assertThat(Zstd.decompress(compressed, data.length)).isEqualTo(data);
    }

    @Test
    void zstdFrameRefusesMoreOrFewerBytesThanPledged() throws IOException {
        OutputStream tooMany = FrameCompressor.open(Compression.DEFAULT, 2, new ByteArrayOutputStream());
        assertThatThrownBy(() -> tooMany.write(new byte[3]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("pledged");
        OutputStream tooFew = FrameCompressor.open(Compression.DEFAULT, 2, new ByteArrayOutputStream());
        tooFew.write(1);
        assertThatThrownBy(tooFew::close).isInstanceOf(IOException.class).hasMessageContaining("pledged 2");
    }

    @Test
    void lz4FrameHasTheReferenceFlagsAndBlockSizeAndRoundTrips() throws IOException {
        byte[] data = binaryLike(300_000, 3);
        byte[] frame = FrameCompressor.compress(Compression.parse("lz4f"), data);
        assertThat(frame).startsWith(0x04, 0x22, 0x4d, 0x18, 0x68, 0x40);
        long contentSize = 0;
        for (int i = 0; i < 8; i++) {
            contentSize |= (frame[6 + i] & 0xffL) << (8 * i);
        }
        assertThat(contentSize).isEqualTo(data.length);
        try (LZ4FrameInputStream in = new LZ4FrameInputStream(new ByteArrayInputStream(frame))) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void lz4FastAndHighLevelsBothDecode() throws IOException {
        byte[] data = binaryLike(200_000, 5);
        for (String level : new String[] {"lz4f:1", "lz4f:max"}) {
            byte[] frame = FrameCompressor.compress(Compression.parse(level), data);
            try (LZ4FrameInputStream in = new LZ4FrameInputStream(new ByteArrayInputStream(frame))) {
                assertThat(in.readAllBytes()).as(level).isEqualTo(data);
            }
        }
    }

    private static byte[] zstd(byte[] data, int workers) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream frame = new ZstdFrameOutputStream(out, 4, data.length, workers)) {
            frame.write(data);
        }
        return out.toByteArray();
    }

    /** Half repetitive records, half random bytes: compresses about 2:1. */
    static byte[] binaryLike(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] data = new byte[size];
        for (int off = 0; off < size; off += 4096) {
            int n = Math.min(4096, size - off);
            if (random.nextBoolean()) {
                for (int i = 0; i < n; i++) {
                    data[off + i] = (byte) random.nextInt(256);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    data[off + i] = (byte) ("record-" + (i / 16)).charAt(i % 7);
                }
            }
        }
        return data;
    }
}
