package dev.bootsplice.bench;

import dev.bootsplice.format.Bootfs;
import dev.bootsplice.format.UsageException;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.format.ZbiItem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading core-x64 (or its stand-in): mapping the file and checking item headers, listing the BOOTFS
 * directory (decompressing only up to the directory's end, what {@code list} needs), and parsing a whole
 * decompressed BOOTFS with every F-rule and warning.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ParseBench {
    private Path image;
    /** core-x64's decompressed BOOTFS, kept for {@link #parseWholeBootfs}. */
    private ByteBuffer bootfsPayload;

    /** Finds the image and decompresses its BOOTFS once. */
    @Setup
    public void setUp() throws IOException, UsageException, ZbiFormatException {
        image = BenchImages.product();
        BenchImages.log("image " + image);
        try (ZbiImage zbi = ZbiImage.open(image)) {
            ByteBuffer payload = firstBootfs(zbi).payload();
            bootfsPayload =
                    ByteBuffer.allocate(payload.remaining()).put(payload).flip();
        }
    }

    /** Maps the image and reads its container and item headers; returns the item count. */
    @Benchmark
    public int openImage() throws IOException, ZbiFormatException {
        try (ZbiImage zbi = ZbiImage.open(image)) {
            return zbi.items().size();
        }
    }

    /** Maps the image and reads its BOOTFS directory, decompressing up to the directory end; returns the entries. */
    @Benchmark
    public int listDirectory() throws IOException, ZbiFormatException {
        try (ZbiImage zbi = ZbiImage.open(image)) {
            return Bootfs.parseDirectory(firstBootfs(zbi)).entries().size();
        }
    }

    /** Parses the decompressed BOOTFS: directory, rules F1–F11 and warnings; returns entries plus warnings. */
    @Benchmark
    public int parseWholeBootfs() throws ZbiFormatException {
        Bootfs bootfs = Bootfs.parse(bootfsPayload.duplicate());
        return bootfs.entries().size() + bootfs.warnings().size();
    }

    private static ZbiItem firstBootfs(ZbiImage zbi) {
        return zbi.firstBootfs().orElseThrow(() -> new IllegalStateException(zbi.name() + " has no BOOTFS item"));
    }
}
