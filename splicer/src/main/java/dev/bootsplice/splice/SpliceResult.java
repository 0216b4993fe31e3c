package dev.bootsplice.splice;

import dev.bootsplice.vm.Kernel;
import dev.bootsplice.vm.KernelConfig;
import dev.bootsplice.vm.VmStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An image spliced with one strategy: the model kernel it lives in, one row per file, a summary,
 * the model's counters after loading and after splicing, and the boot accesses to replay on it.
 */
public final class SpliceResult {
    private final Strategy strategy;
    private final KernelEra era;
    private final Kernel kernel;
    private final LoadedBootfs loaded;
    // one per BOOTFS entry, in directory order
    private final List<FileVmo> files;
    private final Map<String, FileVmo> byName = new HashMap<>();
    private final SpliceCounters counters;
    private final long loadNanos;
    private final long setupNanos;
    private List<SplicedFile> rows;

    SpliceResult(
            Strategy strategy,
            KernelEra era,
            Kernel kernel,
            LoadedBootfs loaded,
            List<FileVmo> files,
            SpliceCounters counters,
            long loadNanos,
            long setupNanos) {
        this.strategy = strategy;
        this.era = era;
        this.kernel = kernel;
        this.loaded = loaded;
        this.files = List.copyOf(files);
        this.counters = counters;
        this.loadNanos = loadNanos;
        this.setupNanos = setupNanos;
        for (FileVmo f : files) {
            byName.putIfAbsent(f.name(), f);
        }
    }

    /** The strategy the files were spliced with. */
    public Strategy strategy() {
        return strategy;
    }

    /** The kernel era the strategy ran on. */
    public KernelEra era() {
        return era;
    }

    /** The transfer profile and clone flavour the model ran with (clone-sharecount pins its flavour). */
    public KernelConfig config() {
        return kernel.config();
    }

    /** Whether the BOOTFS root VMO is zbitl's SNAPSHOT child of the ZBI VMO (an aligned uncompressed item). */
    public boolean bootfsIsSnapshotOfZbi() {
        return loaded.snapshotOfZbi();
    }

    /** The model kernel holding the root VMO and every file VMO (for `--tree` and `--dot`). */
    public Kernel kernel() {
        return kernel;
    }

    /** The model's VMO tree as text ({@link Kernel#describeTree()}). */
    public String describeTree() {
        return kernel.describeTree();
    }

    /** The model's VMO tree as Graphviz ({@link Kernel#toDot()}). */
    public String toDot() {
        return kernel.toDot();
    }

    /** Size of the uncompressed BOOTFS (the root VMO's content). */
    public long bootfsBytes() {
        return loaded.bootfsBytes();
    }

    /** BOOTFS entries spliced (cheap: {@link #files()} walks every file's first-page lookup). */
    public int fileCount() {
        return files.size();
    }

    /** One row per BOOTFS entry, in directory order. */
    public List<SplicedFile> files() {
        if (rows == null) {
            List<SplicedFile> made = new ArrayList<>(files.size());
            for (FileVmo f : files) {
                int depth = f.pages() == 0 ? 0 : kernel.lookupDepth(f.handle(), 0);
                made.add(new SplicedFile(
                        f.name(),
                        f.pages() * FileVmo.PAGE,
                        f.pages(),
                        kernel.ownedPages(f.handle()),
                        depth,
                        f.sharesRangeWith()));
            }
            rows = List.copyOf(made);
        }
        return rows;
    }

    /** The model after splicing; copy, move and zero counts are those of the splice alone. */
    public SpliceSummary summary() {
        VmStats now = kernel.stats();
        int max = 0;
        long sum = 0;
        long withPages = 0;
        for (SplicedFile f : files()) {
            if (f.pages() > 0) {
                max = Math.max(max, f.depth());
                sum += f.depth();
                withPages++;
            }
        }
        return new SpliceSummary(
                now.vmos(),
                now.hiddenNodes(),
                now.pagesAllocated(),
                counters.pagesCopied(),
                counters.pagesMoved(),
                counters.pagesZeroed(),
                max,
                withPages == 0 ? 0 : (double) sum / withPages);
    }

    /** What the splice phase alone did to the model's counters. */
    public SpliceCounters counters() {
        return counters;
    }

    /** Wall time of step 1 (image into a VMO, BOOTFS decompressed into the root), measured. */
    public long loadNanos() {
        return loadNanos;
    }

    /** Wall time of the splice itself (step 2), measured. */
    public long setupNanos() {
        return setupNanos;
    }

    /**
     * The content size (ZX_PROP_VMO_CONTENT_SIZE) of file {@code name}'s VMO.
     *
     * @throws IllegalArgumentException if the image has no such file
     */
    public long contentSize(String name) {
        return kernel.getContentSize(fileNamed(name).handle());
    }

    /** The VMO name (ZX_PROP_NAME, at most 31 bytes) of file {@code name}'s VMO. */
    public String vmoName(String name) {
        return kernel.getName(fileNamed(name).handle());
    }

    /** The handle boot code handed out for file {@code name} (for tests of its rights and info). */
    int handleOf(String name) {
        return fileNamed(name).handle();
    }

    private FileVmo fileNamed(String name) {
        FileVmo f = byName.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no file \"" + name + "\" in the spliced image");
        }
        return f;
    }

    /**
     * The content bytes of file {@code name} as its VMO reads them (content size, not page-rounded).
     *
     * @throws IllegalArgumentException if the image has no such file
     */
    public byte[] readFile(String name) {
        FileVmo f = fileNamed(name);
        byte[] content = new byte[Math.toIntExact(f.entry().dataLength())];
        kernel.vmoRead(f.handle(), content, 0, 0, content.length);
        return content;
    }

    /**
     * Step 3: reads every page {@code trace} names through {@link Kernel#readPage}, once each, and
     * records the hops; the wall time covers the reads only, not resolving the trace.
     *
     * @throws TraceException if the trace names an unknown file or pages outside one
     */
    public LookupRun replay(Trace trace, ProgressListener progress) throws TraceException {
        List<PageRun> runs = trace.plan(files, byName);
        long total = runs.stream().mapToLong(PageRun::count).sum();
        HopDistribution hops = new HopDistribution();
        byte[] page = new byte[(int) FileVmo.PAGE];
        String task = strategy.cliName() + ": lookups";
        long start = System.nanoTime();
        for (PageRun run : runs) {
            for (long p = run.firstPage(); p < run.firstPage() + run.count(); p++) {
                hops.record(kernel.readPage(run.file().handle(), p, page));
            }
            progress.progress(task, hops.accesses(), total);
        }
        return new LookupRun(hops, System.nanoTime() - start);
    }
}
