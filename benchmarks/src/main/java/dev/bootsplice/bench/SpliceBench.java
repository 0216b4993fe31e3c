package dev.bootsplice.bench;

import dev.bootsplice.format.UsageException;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.splice.ProgressListener;
import dev.bootsplice.splice.SpliceException;
import dev.bootsplice.splice.SpliceResult;
import dev.bootsplice.splice.Splicer;
import dev.bootsplice.splice.Strategy;
import java.io.IOException;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One splice of a generated image per call: a fresh model kernel, the image and its BOOTFS loaded into VMOs,
 * then one VMO per file with the strategy. The images are stored uncompressed, so the score is the model's
 * work (loading pages, then cloning, copying or moving them) and not zstd's. Load and splice phase times are
 * logged at the end of each fork. Splice is destructive (it builds on the state it is given), which is why
 * every call starts from a new kernel; {@link Splicer#splice} makes one itself.
 *
 * <p>The 1024 MiB size runs only in the full run (the smoke pass in {@code mvn verify} passes
 * {@code -p sizeMiB=10}); one call then takes 1.3–2.1 s on a quiet machine (5–16 s at load 12) and
 * allocates up to 3.4 GB (COPY), hence one warmup and three
 * measured iterations (each at least one call) and a 5 GiB heap.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx5g"})
@State(Scope.Benchmark)
public class SpliceBench {
    /** Uncompressed BOOTFS size of the generated image (about 42 files per MiB, like core-x64). */
    @Param({"10", "100", "1024"})
    public int sizeMiB;

    /** The splice strategy. */
    @Param({"CLONE", "CLONE_SHARECOUNT", "COPY", "TRANSFER"})
    public Strategy strategy;

    private ZbiImage image;
    private long calls;
    private long loadNanos;
    private long spliceNanos;

    /** Generates (or finds in the cache) the image and maps it. */
    @Setup
    public void setUp() throws IOException, UsageException, ZbiFormatException {
        Path file = BenchImages.spliceImage(sizeMiB);
        image = ZbiImage.open(file);
        BenchImages.log("splice image " + file);
    }

    /**
     * Splices the image; returns the result (its kernel holds every VMO) and consumes its counters. Not
     * {@code summary()}: that looks up every file's depth, quadratic in the file count for CLONE's chain.
     */
    @Benchmark
    public SpliceResult splice(Blackhole bh) throws ZbiFormatException, SpliceException {
        SpliceResult result = Splicer.splice(image, strategy, ProgressListener.NONE);
        calls++;
        loadNanos += result.loadNanos();
        spliceNanos += result.setupNanos();
        bh.consume(result.counters());
        return result;
    }

    /** Logs the mean load and splice phase times over every call of this fork and unmaps the image. */
    @TearDown
    public void tearDown() throws IOException {
        if (calls > 0) {
            BenchImages.log(String.format(
                    "%s %d MiB: %d calls, mean load %.2f ms, mean splice %.2f ms",
                    strategy, sizeMiB, calls, loadNanos / 1e6 / calls, spliceNanos / 1e6 / calls));
        }
        image.close();
    }
}
