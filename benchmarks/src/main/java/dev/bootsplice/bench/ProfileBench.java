package dev.bootsplice.bench;

import dev.bootsplice.format.UsageException;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.profile.ProfileOptions;
import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.profile.Profiler;
import dev.bootsplice.profile.Repetitions;
import dev.bootsplice.splice.SpliceException;
import dev.bootsplice.splice.Strategy;
import dev.bootsplice.splice.TraceException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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

/**
 * The profiler end to end on core-x64 (or its stand-in): open the image, then for each of the four strategies
 * a fresh model, load (zstd decompression once, then cached by the item), splice and replay the {@code all}
 * trace, and build the report. This is {@code profile --strategies=clone,clone-sharecount,copy,transfer}
 * without the JVM start and the report printing: {@code runs=auto} as the command runs by default (core-x64: a
 * warm-up round and 3 measured rounds), {@code runs=1} one run per strategy, as before repetitions existed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx3g"})
@State(Scope.Benchmark)
public class ProfileBench {
    private static final List<Strategy> ALL = List.of(Strategy.values());

    /** Measured runs per strategy: {@code auto} (the command's default) or a count without warm-up. */
    @Param({"1", "auto"})
    public String runs;

    private Path image;
    private ProfileOptions options;

    /** Finds the image. */
    @Setup
    public void setUp() throws IOException, UsageException {
        image = BenchImages.product();
        options = ProfileOptions.defaults()
                .withStrategies(ALL)
                .withRepetitions(runs.equals("auto") ? Repetitions.AUTO : new Repetitions(0, Integer.parseInt(runs)));
        BenchImages.log("profile image " + image);
    }

    /** Profiles the four strategies; returns the report. */
    @Benchmark
    public ProfileReport profileFourStrategies()
            throws IOException, ZbiFormatException, SpliceException, TraceException {
        try (ZbiImage zbi = ZbiImage.open(image)) {
            ProfileReport report = Profiler.profile(zbi, options);
            if (report.strategies().size() != ALL.size()) {
                throw new IllegalStateException(
                        "report has " + report.strategies().size() + " strategies");
            }
            return report;
        }
    }
}
