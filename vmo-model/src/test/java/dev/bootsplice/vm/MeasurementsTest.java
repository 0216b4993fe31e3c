package dev.bootsplice.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Quick nanoTime measurements for the report (JMH benchmarks live in {@code benchmarks/}). Off by
 * default: run with {@code -Dbootsplice.measure=true}; each test prints its numbers and checks the
 * relations the model must show.
 */
class MeasurementsTest {
    private static final int PAGE = 4096;

    private static void requireOptIn() {
        assumeTrue(Boolean.getBoolean("bootsplice.measure"), "measurements run only with -Dbootsplice.measure=true");
    }

    /** ns per lookup of one page of the k-th snapshot of a 1,024-page VMO (LEGACY_CHAIN: k hops). */
    private static double nsPerLookup(int depth) {
        Kernel k = new Kernel(KernelConfig.defaults());
        int pages = 1024;
        int a = k.vmoCreate((long) pages * PAGE, 0);
        k.vmoOpRange(a, VmoOptions.OP_COMMIT, 0, (long) pages * PAGE);
        int c = a;
        for (int i = 0; i < depth; i++) {
            c = k.vmoCreateChild(a, VmoOptions.CHILD_SNAPSHOT, 0, (long) pages * PAGE);
        }
        assertThat(k.lookupDepth(c, 0)).isEqualTo(depth);
        Random rnd = new Random(1);
        long[] idx = new long[1 << 16];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = rnd.nextInt(pages);
        }
        long sink = 0;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 7; round++) {
            long t0 = System.nanoTime();
            for (long p : idx) {
                sink += k.lookupDepth(c, p);
            }
            best = Math.min(best, (System.nanoTime() - t0) / (double) idx.length);
        }
        assertThat(sink).isEqualTo(7L * depth * idx.length);
        return best;
    }

    @Test
    void lookupCostGrowsLinearlyWithChainDepth() {
        requireOptIn();
        double d0 = nsPerLookup(0);
        double d64 = nsPerLookup(64);
        double d256 = nsPerLookup(256);
        double hop64 = (d64 - d0) / 64;
        double hop256 = (d256 - d0) / 256;
        System.out.printf(
                "lookup: depth 0 %.1f ns, depth 64 %.1f ns (%.2f ns/hop), depth 256 %.1f ns (%.2f ns/hop)%n",
                d0, d64, hop64, d256, hop256);
        assertThat(d256).isGreaterThan(d64);
        assertThat(d64).isGreaterThan(d0);
    }

    @Test
    void transferringAPageIsCheaperThanCopyingIt() {
        requireOptIn();
        int pages = 16_384;
        double bestMove = Double.MAX_VALUE;
        double bestCopy = Double.MAX_VALUE;
        byte[] content = Pages.filled('c');
        for (int round = 0; round < 5; round++) {
            Kernel k = new Kernel(KernelConfig.defaults());
            int src = k.vmoCreate((long) pages * PAGE, 0);
            k.vmoOpRange(src, VmoOptions.OP_COMMIT, 0, (long) pages * PAGE);
            int dst = k.vmoCreate((long) pages * PAGE, 0);
            long t0 = System.nanoTime();
            k.vmoTransferData(dst, 0, 0, (long) pages * PAGE, src, 0);
            bestMove = Math.min(bestMove, (System.nanoTime() - t0) / (double) pages);
            assertThat(k.stats().pagesMoved()).isEqualTo(pages);
            assertThat(k.stats().pagesCopied()).isZero();

            int copy = k.vmoCreate((long) pages * PAGE, 0);
            long t1 = System.nanoTime();
            for (int i = 0; i < pages; i++) {
                k.vmoWrite(copy, content, 0, (long) i * PAGE, PAGE);
            }
            bestCopy = Math.min(bestCopy, (System.nanoTime() - t1) / (double) pages);
            assertThat(k.stats().pagesZeroed()).isEqualTo(2L * pages);
        }
        System.out.printf("per page: transfer %.1f ns, zero-fill + copy %.1f ns%n", bestMove, bestCopy);
        assertThat(bestMove).isLessThan(bestCopy);
    }

    @Test
    void a262144PageVmoFitsComfortablyInTheHeap() {
        requireOptIn();
        int pages = 262_144;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        Kernel k = new Kernel(KernelConfig.defaults());
        int v = k.vmoCreate((long) pages * PAGE, 0);
        long t0 = System.nanoTime();
        k.vmoOpRange(v, VmoOptions.OP_COMMIT, 0, (long) pages * PAGE);
        long commitMs = (System.nanoTime() - t0) / 1_000_000;
        System.gc();
        long used = rt.totalMemory() - rt.freeMemory() - before;
        double overhead = (used - (double) pages * PAGE) / pages;
        System.out.printf(
                "262,144-page VMO: %.1f MiB heap (%.1f bytes of bookkeeping per page), commit %d ms%n",
                used / 1048576.0, overhead, commitMs);
        assertThat(k.ownedPages(v)).isEqualTo(pages);
        assertThat(used).isLessThan(3L << 30);
        assertThat(overhead).isLessThan(256);
    }
}
