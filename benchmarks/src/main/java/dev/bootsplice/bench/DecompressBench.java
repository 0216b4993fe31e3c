package dev.bootsplice.bench;

import dev.bootsplice.format.Compression;
import dev.bootsplice.format.CrcStatus;
import dev.bootsplice.format.UsageException;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiItem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Full decompression of core-x64's BOOTFS (56.5 MiB; or the stand-in's) with its CRC-32 checked, stored as
 * the reference tool wrote it (zstd) and re-encoded by our writer as an LZ4 frame. Each call reads the image
 * afresh from the mapped bytes, so nothing is served from the item's decompression cache; the file is
 * mapped and touched once in setup, so page faults of the first read are not timed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class DecompressBench {
    /** How the BOOTFS is stored: {@code zstd} (as in the corpus) or {@code lz4f} (re-encoded, level 4). */
    @Param({"zstd", "lz4f"})
    public String codec;

    private ByteBuffer mapped;
    private String name;
    /** Uncompressed BOOTFS size: every call must produce exactly this many bytes. */
    private long expectedBytes;

    /** Maps the image for {@link #codec}, pre-faults it and records the BOOTFS size. */
    @Setup
    public void setUp() throws IOException, UsageException, ZbiFormatException {
        Path image = BenchImages.product(Compression.parse(codec));
        name = image.toString();
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.READ)) {
            mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        }
        long touched = 0;
        for (int i = 0; i < mapped.limit(); i += 4096) {
            touched += mapped.get(i);
        }
        try (ZbiImage zbi = ZbiImage.read(mapped.duplicate(), name)) {
            ZbiItem item = bootfs(zbi);
            expectedBytes = item.uncompressedSize();
            BenchImages.log(image + ": BOOTFS " + item.length() + " bytes stored as "
                    + item.codec().orElseThrow() + ", " + expectedBytes + " uncompressed (touch sum " + touched + ")");
        }
    }

    /** Verifies the BOOTFS item's CRC-32 and decompresses it whole; returns the uncompressed size. */
    @Benchmark
    public long decompressWithCrc(Blackhole bh) throws IOException, ZbiFormatException {
        try (ZbiImage zbi = ZbiImage.read(mapped.duplicate(), name)) {
            ZbiItem item = bootfs(zbi);
            if (item.crcStatus() != CrcStatus.OK) {
                throw new IllegalStateException("CRC-32 of " + item + " is " + item.crcStatus());
            }
            ByteBuffer payload = item.payload();
            if (payload.remaining() != expectedBytes) {
                throw new IllegalStateException(
                        "decompressed " + payload.remaining() + " bytes, expected " + expectedBytes);
            }
            bh.consume(payload.get(payload.limit() - 1));
            return payload.remaining();
        }
    }

    private static ZbiItem bootfs(ZbiImage zbi) {
        return zbi.firstBootfs().orElseThrow(() -> new IllegalStateException(zbi.name() + " has no BOOTFS item"));
    }
}
