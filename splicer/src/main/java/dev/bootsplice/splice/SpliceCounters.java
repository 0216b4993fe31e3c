package dev.bootsplice.splice;

import dev.bootsplice.vm.VmStats;

/**
 * What the splice phase alone did to the model: the differences of the kernel's counters between
 * "BOOTFS loaded" and "last file VMO made". {@code pagesCopied} is every page copy the phase paid
 * for: the kernel's page-to-page copies ({@code VmStats.pagesCopied}) plus the pages the copy
 * strategy wrote from user memory ({@code VmStats.pagesWrittenFromUser}), which the kernel
 * allocates zero-filled and then copies the user's bytes into.
 * {@code shareCountUpdates} is RFC-0254's per-page clone work: share counts incremented at clone
 * creation, hidden pages released at a child's death, and ParentContent markers written.
 */
public record SpliceCounters(
        long syscalls,
        long vmosCreated,
        long hiddenNodesCreated,
        long pagesAllocated,
        long pagesZeroed,
        long pagesCopied,
        long pagesMoved,
        long shareCountUpdates) {

    static SpliceCounters between(VmStats before, VmStats after) {
        return new SpliceCounters(
                after.syscalls() - before.syscalls(),
                after.vmosCreated() - before.vmosCreated(),
                after.hiddenNodesCreated() - before.hiddenNodesCreated(),
                allocatedSoFar(after) - allocatedSoFar(before),
                after.pagesZeroed() - before.pagesZeroed(),
                pageCopies(after) - pageCopies(before),
                after.pagesMoved() - before.pagesMoved(),
                shareWork(after) - shareWork(before));
    }

    /** Every page copy so far: kernel page-to-page copies and pages vmo_write filled from user memory. */
    private static long pageCopies(VmStats s) {
        return s.pagesCopied() + s.pagesWrittenFromUser();
    }

    /** Every per-page share-count operation so far (VmStats' three clone work counters). */
    private static long shareWork(VmStats s) {
        return s.cloneShareCountIncrements() + s.closeShareCountReleases() + s.cloneParentContentMarkers();
    }

    /** Pages ever allocated: those alive now plus those freed. */
    private static long allocatedSoFar(VmStats s) {
        return s.pagesAllocated() + s.pagesFreed();
    }
}
