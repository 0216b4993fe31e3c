package dev.bootsplice.splice;

import dev.bootsplice.format.BootfsEntry;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.vm.Kernel;
import dev.bootsplice.vm.KernelConfig;
import dev.bootsplice.vm.Rights;
import dev.bootsplice.vm.TransferProfile;
import dev.bootsplice.vm.VmStats;
import dev.bootsplice.vm.ZxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Boots an image's BOOTFS into a fresh model kernel and gives every file its own VMO with one
 * {@link Strategy} on one {@link KernelEra}, in directory order, running the per-file calls of the
 * strategy's boot code ({@link FileVmoMaker}): under {@code transfer} files of one page-aligned
 * range share one VMO (handle duplicates), under clone and copy every file gets its own.
 */
public final class Splicer {
    private static final int PROGRESS_EVERY = 256;

    private Splicer() {}

    /**
     * Loads {@code image} and splices its first BOOTFS with {@code strategy}.
     *
     * @throws ZbiFormatException if the image or its BOOTFS breaks a format rule
     * @throws SpliceException if the image has no BOOTFS, its data ranges partially overlap, or the
     *     model's physical memory cannot hold it ({@link SpliceException#isMemoryLimit()})
     */
    public static SpliceResult splice(ZbiImage image, Strategy strategy, ProgressListener progress)
            throws ZbiFormatException, SpliceException {
        return splice(image, strategy, KernelEra.K2023, progress);
    }

    /**
     * Loads {@code image} and splices its first BOOTFS with {@code strategy} on {@code era}'s kernel.
     *
     * @throws ZbiFormatException if the image or its BOOTFS breaks a format rule
     * @throws SpliceException if the image has no BOOTFS, its data ranges partially overlap, or the
     *     model's physical memory cannot hold it ({@link SpliceException#isMemoryLimit()})
     */
    public static SpliceResult splice(ZbiImage image, Strategy strategy, KernelEra era, ProgressListener progress)
            throws ZbiFormatException, SpliceException {
        try {
            return spliceOnce(image, strategy, era, progress);
        } catch (ZxException e) {
            throw SpliceException.fromModel(e);
        }
    }

    private static SpliceResult spliceOnce(ZbiImage image, Strategy strategy, KernelEra era, ProgressListener progress)
            throws ZbiFormatException, SpliceException {
        KernelConfig config = configFor(strategy, era);
        Kernel kernel = new Kernel(config);
        long loadStart = System.nanoTime();
        LoadedBootfs loaded = BootfsLoader.load(kernel, image, snapshotSourceAllowed(strategy, config));
        long loadNanos = System.nanoTime() - loadStart;
        VmStats afterLoad = kernel.stats();
        long start = System.nanoTime();
        FileVmoMaker maker = new FileVmoMaker(kernel, loaded.rootHandle(), strategy);
        List<FileVmo> files = spliceFiles(kernel, loaded, maker, progress);
        long setupNanos = System.nanoTime() - start;
        SpliceCounters counters = SpliceCounters.between(afterLoad, kernel.stats());
        return new SpliceResult(strategy, era, kernel, loaded, files, counters, loadNanos, setupNanos);
    }

    /**
     * The kernel a strategy boots on: {@code era}'s transfer profile and clone flavour, except that
     * {@code clone-sharecount} always runs on SHARE_COUNT clones (so on the default 2023 kernel it is
     * RFC_0223 + SHARE_COUNT, as before kernels were selectable).
     */
    static KernelConfig configFor(Strategy strategy, KernelEra era) {
        return new KernelConfig(era.profile(), strategy.clonesOn(era), -1);
    }

    /**
     * Whether the BOOTFS VMO may be zbitl's SNAPSHOT child of the ZBI VMO: only when no transfer
     * will take pages from it under RFC_0223, which refuses a source with a parent (BAD_STATE).
     */
    private static boolean snapshotSourceAllowed(Strategy strategy, KernelConfig config) {
        return !strategy.movesPages() || config.profile() == TransferProfile.ZIRCON_2024;
    }

    private static List<FileVmo> spliceFiles(
            Kernel kernel, LoadedBootfs loaded, FileVmoMaker maker, ProgressListener progress) throws SpliceException {
        List<BootfsEntry> entries = loaded.entries();
        RangeIndex ranges = RangeIndex.of(entries);
        Map<BootfsEntry, FileVmo> byOwner = new HashMap<>();
        List<FileVmo> files = new ArrayList<>(entries.size());
        String task = maker.strategy().cliName() + ": splice";
        for (BootfsEntry e : entries) {
            files.add(sharedOrNew(kernel, maker, ranges.owner(e), e, byOwner));
            if (files.size() % PROGRESS_EVERY == 0 || files.size() == entries.size()) {
                progress.progress(task, files.size(), entries.size());
            }
        }
        return files;
    }

    /**
     * A new named VMO for {@code e}; under {@code transfer} the later files of a range get a
     * duplicate of its first file's VMO instead (the range's pages have moved, so userboot hands out
     * that VMO again), while clone and copy give every file a VMO of its own, as their boot code did.
     */
    private static FileVmo sharedOrNew(
            Kernel kernel, FileVmoMaker maker, BootfsEntry owner, BootfsEntry e, Map<BootfsEntry, FileVmo> byOwner) {
        FileVmo first = byOwner.get(owner);
        if (first != null && maker.strategy().movesPages()) {
            return new FileVmo(e, kernel.handleDuplicate(first.handle(), Rights.SAME_RIGHTS), first.name());
        }
        FileVmo made = new FileVmo(e, maker.make(e), first == null ? null : first.name());
        byOwner.putIfAbsent(owner, made);
        return made;
    }
}
