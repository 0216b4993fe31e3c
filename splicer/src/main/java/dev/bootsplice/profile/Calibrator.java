package dev.bootsplice.profile;

import dev.bootsplice.profile.CostModel.Op;
import dev.bootsplice.vm.CloneFlavour;
import dev.bootsplice.vm.Kernel;
import dev.bootsplice.vm.KernelConfig;
import dev.bootsplice.vm.TransferProfile;
import dev.bootsplice.vm.VmoOptions;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Measures what each counted operation costs in the model on this machine (`calibrate`): every
 * figure is the fastest of {@link #ROUNDS} timed batches of the model call that performs it (a
 * shared machine, garbage collection and first touches of fresh heap only ever add time),
 * less the syscall cost where the call includes one; page allocation is a commit's cost less a
 * memset. Takes well under a second here.
 */
public final class Calibrator {
    /**
     * How long whole passes run before the measured one: a cold JVM inflated the first figures
     * 10-50x here (page commits stayed 20x slower until the heap had grown, about 2 s in).
     */
    static final long WARM_UP_NANOS = 2_500_000_000L;
    /** Timed batches per figure; the fastest one counts. */
    static final int ROUNDS = 15;
    /** Pages per batch: 1 MiB, small enough that most batches run between two young collections. */
    static final int PAGES = 256;
    /** Chain depth for the hop cost: deep enough that the per-hop slope dominates the fixed cost. */
    static final int CHAIN = 256;

    private static final int PAGE = 4096;

    /** The name of the model this class measures: the host's model, not a device. */
    public static final String NAME = "host-model";

    private Calibrator() {}

    /** What a host-model calibration describes, with the host it ran on. */
    static String hostSource() {
        return String.format(
                java.util.Locale.ROOT,
                "bootsplice calibrate: the Java VMO model timed on this host (%s, %d cpus, Java %s); "
                        + "the speed of this model, not of a Zircon kernel or device",
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
    }

    /**
     * A cost model named {@link #NAME} holding this host's figures for the model; passes run for
     * {@link #WARM_UP_NANOS} first only warm the JIT and the heap up and are thrown away.
     */
    public static CostModel calibrate() {
        long start = System.nanoTime();
        do {
            measure();
        } while (System.nanoTime() - start < WARM_UP_NANOS);
        return measure();
    }

    private static CostModel measure() {
        Map<Op, Double> ns = new EnumMap<>(Op.class);
        double syscall = fastest(Calibrator::syscallBatch) / PAGES;
        ns.put(Op.SYSCALL, syscall);
        ns.put(Op.VMO_CREATE, positive(fastest(Calibrator::createBatch) / PAGES - 2 * syscall));
        double zero = fastest(Calibrator::zeroBatch) / PAGES;
        ns.put(Op.PAGE_ZERO, zero);
        ns.put(Op.PAGE_ALLOC, positive(fastest(Calibrator::commitBatch) / PAGES - zero));
        ns.put(Op.PAGE_COPY, fastest(Calibrator::copyBatch) / PAGES);
        ns.put(Op.PAGE_MOVE, positive((fastest(Calibrator::moveBatch) - syscall) / PAGES));
        double fault = fastest(() -> readBatch(0)) / PAGES;
        ns.put(Op.PAGE_FAULT, fault);
        ns.put(Op.LOOKUP_HOP, positive((fastest(() -> readBatch(CHAIN)) / PAGES - fault) / CHAIN));
        ns.put(Op.SHARE_COUNT_UPDATE, positive((fastest(Calibrator::shareBatch) - 2 * syscall) / (2.0 * PAGES)));
        return new CostModel(NAME, hostSource(), ns);
    }

    private static double fastest(LongSupplier batch) {
        batch.getAsLong();
        long[] t = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            t[i] = batch.getAsLong();
        }
        Arrays.sort(t);
        return t[0];
    }

    /** Costs below a nanosecond are noise around zero: report the smallest figure that still counts. */
    private static double positive(double ns) {
        return Math.max(0.01, Math.round(ns * 100) / 100.0);
    }

    private static Kernel kernel(CloneFlavour clones) {
        return new Kernel(new KernelConfig(TransferProfile.RFC_0223, clones, -1));
    }

    /** {@code PAGES} calls of the cheapest syscall, zx_vmo_get_size. */
    private static long syscallBatch() {
        Kernel k = kernel(CloneFlavour.LEGACY_CHAIN);
        int vmo = k.vmoCreate(PAGE, 0);
        long sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < PAGES; i++) {
            sink += k.vmoGetSize(vmo);
        }
        return System.nanoTime() - start + (sink == 0 ? 1 : 0);
    }

    /** {@code PAGES} zx_vmo_create + zx_handle_close pairs. */
    private static long createBatch() {
        Kernel k = kernel(CloneFlavour.LEGACY_CHAIN);
        long start = System.nanoTime();
        for (int i = 0; i < PAGES; i++) {
            k.handleClose(k.vmoCreate(PAGE, 0));
        }
        return System.nanoTime() - start;
    }

    /** Zero-filling {@code PAGES} distinct 4 KiB pages (a memset each, no allocation). */
    private static long zeroBatch() {
        byte[][] pages = new byte[PAGES][PAGE];
        long start = System.nanoTime();
        for (byte[] page : pages) {
            Arrays.fill(page, (byte) 0);
        }
        return System.nanoTime() - start + pages[PAGES - 1][PAGE - 1];
    }

    /** Committing {@code PAGES} pages of a fresh VMO: allocate and zero each. */
    private static long commitBatch() {
        Kernel k = kernel(CloneFlavour.LEGACY_CHAIN);
        int vmo = k.vmoCreate((long) PAGES * PAGE, 0);
        long start = System.nanoTime();
        k.vmoOpRange(vmo, VmoOptions.OP_COMMIT, 0, (long) PAGES * PAGE);
        return System.nanoTime() - start;
    }

    /** Writing {@code PAGES} full pages into already committed pages: one page copy each. */
    private static long copyBatch() {
        Kernel k = kernel(CloneFlavour.LEGACY_CHAIN);
        int vmo = committed(k);
        byte[] src = new byte[PAGES * PAGE];
        Arrays.fill(src, (byte) 7);
        long start = System.nanoTime();
        k.vmoWrite(vmo, src, 0, 0, src.length);
        return System.nanoTime() - start;
    }

    /** One zx_vmo_transfer_data of {@code PAGES} committed pages. */
    private static long moveBatch() {
        Kernel k = kernel(CloneFlavour.LEGACY_CHAIN);
        long size = (long) PAGES * PAGE;
        int src = committed(k);
        int dst = k.vmoCreate(size, 0);
        long start = System.nanoTime();
        k.vmoTransferData(dst, 0, 0, size, src, 0);
        return System.nanoTime() - start;
    }

    /**
     * A SHARE_COUNT snapshot of a VMO of {@code PAGES} committed pages, then its close: the model
     * shares every parent page at creation and releases it at the close (two updates per page).
     */
    private static long shareBatch() {
        Kernel k = kernel(CloneFlavour.SHARE_COUNT);
        long size = (long) PAGES * PAGE;
        int root = committed(k);
        k.handleClose(k.vmoCreateChild(root, VmoOptions.CHILD_SNAPSHOT, 0, size));
        long start = System.nanoTime();
        k.handleClose(k.vmoCreateChild(root, VmoOptions.CHILD_SNAPSHOT, 0, size));
        return System.nanoTime() - start;
    }

    /** A VMO of {@code PAGES} committed pages. */
    private static int committed(Kernel k) {
        long size = (long) PAGES * PAGE;
        int vmo = k.vmoCreate(size, 0);
        k.vmoOpRange(vmo, VmoOptions.OP_COMMIT, 0, size);
        return vmo;
    }

    /** {@code PAGES} boot accesses (readPage) of a VMO whose pages sit {@code depth} hops up. */
    private static long readBatch(int depth) {
        Kernel k = kernel(CloneFlavour.LEGACY_CHAIN);
        long size = (long) PAGES * PAGE;
        int root = committed(k);
        int reader = root;
        for (int i = 0; i < depth; i++) {
            reader = k.vmoCreateChild(root, VmoOptions.CHILD_SNAPSHOT, 0, size);
        }
        int target = depth == 0 ? root : reader;
        byte[] page = new byte[PAGE];
        long start = System.nanoTime();
        for (int p = 0; p < PAGES; p++) {
            k.readPage(target, p, page);
        }
        return System.nanoTime() - start;
    }
}
