package dev.bootsplice.bench;

import dev.bootsplice.vm.CloneFlavour;
import dev.bootsplice.vm.Kernel;
import dev.bootsplice.vm.KernelConfig;
import dev.bootsplice.vm.VmoOptions;
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
 * The model's page lookup through a chain of copy-on-write snapshots: every page lives only in the root, so
 * each lookup from the newest snapshot misses at every level. Per-hop cost is the slope of time over the
 * hop counts this benchmark logs for each depth.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class LookupBench {
    /** Pages of the root VMO; lookups cycle over them so no single slot stays hot. */
    static final int PAGES = 64;

    /** Snapshot generations between the root and the VMO that is read. */
    @Param({"1", "16", "64", "256"})
    public int depth;

    private Kernel kernel;
    private int leaf;
    private final byte[] page = new byte[VmoOptions.PAGE_SIZE];
    private long next;

    /** Builds the root (page-tagged pages) and {@link #depth} snapshots, each of the previous one. */
    @Setup
    public void setUp() {
        kernel = new Kernel(KernelConfig.defaults().withClones(CloneFlavour.LEGACY_CHAIN));
        long size = (long) PAGES * VmoOptions.PAGE_SIZE;
        int root = kernel.vmoCreate(size, 0);
        byte[] tag = new byte[1];
        for (int p = 0; p < PAGES; p++) {
            tag[0] = (byte) (p + 1);
            kernel.vmoWrite(root, tag, 0, (long) p * VmoOptions.PAGE_SIZE, 1);
        }
        leaf = root;
        for (int d = 0; d < depth; d++) {
            leaf = kernel.vmoCreateChild(leaf, VmoOptions.CHILD_SNAPSHOT, 0, size);
        }
        kernel.checkInvariants();
        int hops = kernel.lookupDepth(leaf, 0);
        if (hops < depth) {
            throw new IllegalStateException(depth + " snapshots but a lookup takes only " + hops + " hops");
        }
        BenchImages.log("depth " + depth + ": a lookup from the newest snapshot takes " + hops + " hops");
    }

    /** Finds the next page through the chain without reading it; returns the hop count. */
    @Benchmark
    public int lookUp() {
        return kernel.lookupDepth(leaf, next++ & (PAGES - 1));
    }

    /** Reads the next page through the chain (lookup, 4 KiB copy, hop histogram); returns its first byte. */
    @Benchmark
    public byte readPage() {
        long p = next++ & (PAGES - 1);
        kernel.readPage(leaf, p, page);
        if (page[0] != (byte) (p + 1)) {
            throw new IllegalStateException("page " + p + " starts with " + page[0]);
        }
        return page[0];
    }
}
