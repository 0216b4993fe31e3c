package dev.bootsplice.bench;

import dev.bootsplice.vm.Kernel;
import dev.bootsplice.vm.KernelConfig;
import dev.bootsplice.vm.VmStats;
import dev.bootsplice.vm.VmoOptions;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost per 4 KiB page of giving a file its own pages in the model: copying (zx_vmo_read + zx_vmo_write into a
 * fresh VMO, as the COPY strategy does) against moving (zx_vmo_transfer_data, as TRANSFER does), one page per
 * syscall and the whole batch in one syscall. Scores are per page.
 *
 * <p>A transfer empties its source, so every invocation gets a fresh kernel with a full source and an empty
 * destination ({@code @Setup(Level.Invocation)}). The alternative, a pre-built pool of source pages, would
 * run dry after a fixed number of calls while JMH decides the call count; to keep the per-invocation timer
 * overhead (tens of ns) negligible, each invocation handles {@link #BATCH} pages (about 0.1–2 ms of work).
 * The per-invocation setup runs on the benchmark thread, so {@code -prof gc} counts its allocation (the fresh
 * source pages) too: {@link #baselineSetupOnly} measures that share, to subtract from the others.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PageMoveBench {
    /** Pages handled per invocation: 4 MiB, enough to dwarf the invocation timer, small enough to set up fast. */
    static final int BATCH = 1024;

    static final int PAGE = VmoOptions.PAGE_SIZE;

    /** The source's content: page {@code i} starts with {@code i + 1}. */
    private final byte[] tagged = new byte[BATCH * PAGE];

    private final byte[] buffer = new byte[BATCH * PAGE];
    private Kernel kernel;
    private int src;
    private int dst;
    /** Set by every benchmark that fills the destination; the baseline leaves it false. */
    private boolean filled;

    /** Fills the source content template once. */
    @Setup(Level.Trial)
    public void tagPages() {
        for (int p = 0; p < BATCH; p++) {
            tagged[p * PAGE] = (byte) (p + 1);
            tagged[p * PAGE + PAGE - 1] = (byte) ~p;
        }
    }

    /** A fresh model: a committed source of {@link #BATCH} tagged pages and an empty destination. */
    @Setup(Level.Invocation)
    public void freshVmos() {
        kernel = new Kernel(KernelConfig.defaults());
        src = kernel.vmoCreate((long) BATCH * PAGE, 0);
        kernel.vmoWrite(src, tagged, 0, 0, tagged.length);
        dst = kernel.vmoCreate((long) BATCH * PAGE, 0);
        filled = false;
    }

    /**
     * Checks that the destination got every page (or, after the baseline, none) and that a transfer left the
     * source reading zero.
     */
    @TearDown(Level.Invocation)
    public void checkDestination() {
        if (!filled) {
            if (kernel.ownedPages(dst) != 0) {
                throw new IllegalStateException("baseline destination owns " + kernel.ownedPages(dst) + " pages");
            }
            return;
        }
        byte[] one = new byte[1];
        for (int p = 0; p < BATCH; p += BATCH / 8) {
            kernel.vmoRead(dst, one, 0, (long) p * PAGE, 1);
            if (one[0] != (byte) (p + 1)) {
                throw new IllegalStateException("destination page " + p + " starts with " + one[0]);
            }
        }
        VmStats stats = kernel.stats();
        if (stats.pagesMoved() != 0) {
            kernel.vmoRead(src, one, 0, (long) (BATCH - 1) * PAGE, 1);
            if (stats.pagesMoved() != BATCH || one[0] != 0) {
                throw new IllegalStateException(stats.pagesMoved() + " pages moved, source last page reads " + one[0]);
            }
        }
    }

    /** Does nothing with the fresh VMOs: its allocation per page is what the setup alone allocates. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int baselineSetupOnly() {
        return dst;
    }

    /** Copies page by page: one zx_vmo_read and one zx_vmo_write of 4 KiB each. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int copyPageByPage() {
        for (int p = 0; p < BATCH; p++) {
            kernel.vmoRead(src, buffer, 0, (long) p * PAGE, PAGE);
            kernel.vmoWrite(dst, buffer, 0, (long) p * PAGE, PAGE);
        }
        filled = true;
        return dst;
    }

    /** Moves page by page: one zx_vmo_transfer_data of 4 KiB each. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int transferPageByPage() {
        for (int p = 0; p < BATCH; p++) {
            kernel.vmoTransferData(dst, 0, (long) p * PAGE, PAGE, src, (long) p * PAGE);
        }
        filled = true;
        return dst;
    }

    /** Copies the batch with one zx_vmo_read and one zx_vmo_write (what COPY does per file). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int copyRange() {
        kernel.vmoRead(src, buffer, 0, 0, buffer.length);
        kernel.vmoWrite(dst, buffer, 0, 0, buffer.length);
        filled = true;
        return dst;
    }

    /** Moves the batch with one zx_vmo_transfer_data (what TRANSFER does per file). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int transferRange() {
        kernel.vmoTransferData(dst, 0, 0, (long) BATCH * PAGE, src, 0);
        filled = true;
        return dst;
    }
}
