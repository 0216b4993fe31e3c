package dev.bootsplice.bench;

import java.nio.ByteBuffer;
import java.util.Arrays;
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
 * The machine's own limits, to read the model's page costs against: copy and zero-fill bandwidth over a whole
 * buffer (1 GiB by default; heap arrays and direct buffers) and the cost of one 4 KiB page copied or zeroed,
 * cache-hot, streaming through the buffer, and freshly allocated then copied as the model's page copy does.
 * Bandwidth in GB/s is {@code bufferMiB * 1.048576 / score_ms}.
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:MaxDirectMemorySize=3g"})
public class MemoryBench {
    static final int PAGE = 4096;

    /** Two heap arrays of {@code bufferMiB}, both written once so their memory is committed before timing. */
    @State(Scope.Thread)
    public static class Heap {
        /** Buffer size; 1024 MiB in the full run. */
        @Param({"1024"})
        public int bufferMiB;

        byte[] src;
        byte[] dst;
        int pages;
        int next;

        /** Allocates and touches both arrays. */
        @Setup
        public void setUp() {
            src = new byte[Math.multiplyExact(bufferMiB, 1 << 20)];
            dst = new byte[src.length];
            Arrays.fill(src, (byte) 0x5a);
            Arrays.fill(dst, (byte) 1);
            pages = src.length / PAGE;
        }

        /** Returns the offset of the next page, cycling through the buffer. */
        int nextPage() {
            int p = next;
            next = p + 1 == pages ? 0 : p + 1;
            return p * PAGE;
        }
    }

    /** Two direct buffers of {@code bufferMiB}, touched once. */
    @State(Scope.Thread)
    public static class Direct {
        /** Buffer size; 1024 MiB in the full run. */
        @Param({"1024"})
        public int bufferMiB;

        ByteBuffer src;
        ByteBuffer dst;

        /** Allocates and touches both buffers. */
        @Setup
        public void setUp() {
            int n = Math.multiplyExact(bufferMiB, 1 << 20);
            src = ByteBuffer.allocateDirect(n);
            dst = ByteBuffer.allocateDirect(n);
            for (int i = 0; i < n; i += PAGE) {
                src.put(i, (byte) 0x5a);
                dst.put(i, (byte) 1);
            }
        }
    }

    /** One pair of pages that stays in cache. */
    @State(Scope.Thread)
    public static class HotPage {
        final byte[] src = new byte[PAGE];
        final byte[] dst = new byte[PAGE];

        /** Gives the source page a recognisable content. */
        @Setup
        public void setUp() {
            Arrays.fill(src, (byte) 0x5a);
        }
    }

    /** {@code System.arraycopy} of the whole buffer. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public byte copyBuffer(Heap h) {
        System.arraycopy(h.src, 0, h.dst, 0, h.src.length);
        return h.dst[h.dst.length - 1];
    }

    /** {@code Arrays.fill} of the whole buffer with zero. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public byte zeroBuffer(Heap h) {
        Arrays.fill(h.dst, (byte) 0);
        return h.dst[h.dst.length - 1];
    }

    /** Direct {@code ByteBuffer.put(ByteBuffer)} of the whole buffer. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public byte copyDirectBuffer(Direct d) {
        d.dst.clear();
        d.dst.put(d.src.duplicate().clear());
        return d.dst.get(d.dst.capacity() - 1);
    }

    /** Copies one 4 KiB page between two cache-hot arrays. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public byte copyPageHot(HotPage p) {
        System.arraycopy(p.src, 0, p.dst, 0, PAGE);
        return p.dst[PAGE - 1];
    }

    /** Zeroes one cache-hot 4 KiB page. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public byte zeroPageHot(HotPage p) {
        Arrays.fill(p.dst, (byte) 0);
        return p.dst[PAGE - 1];
    }

    /** Copies the next 4 KiB page of the buffer to the same place in the other buffer (streaming). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public byte copyPageStreaming(Heap h) {
        int at = h.nextPage();
        System.arraycopy(h.src, at, h.dst, at, PAGE);
        return h.dst[at];
    }

    /** Zeroes the next 4 KiB page of the buffer (streaming). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public byte zeroPageStreaming(Heap h) {
        int at = h.nextPage();
        Arrays.fill(h.dst, at, at + PAGE, (byte) 0);
        return h.dst[at];
    }

    /** Allocates a fresh 4 KiB page and copies a cache-hot page into it: the model's page copy. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public byte[] allocateAndCopyPage(HotPage p) {
        byte[] page = new byte[PAGE];
        System.arraycopy(p.src, 0, page, 0, PAGE);
        return page;
    }
}
