package dev.bootsplice.splice;

import dev.bootsplice.vm.VmStats;

/**
 * What the splice phase alone did to the model: the differences of the kernel's counters between
 * "BOOTFS loaded" and "last file VMO made". {@code pagesCopied} adds to the kernel's copy-on-write
 * copies the pages the copy strategy filled through vmo_write, which the kernel counts as
 * zero-filled allocations only (it zero-fills a fresh page, then the write copies into it).
 * {@code shareCountUpdates} is RFC-0254's per-page clone work: share counts incremented at clone
 * creation, hidden pages released at a child's death, and ParentContent markers written.
 */
public record SpliceCounters(long syscalls, long vmosCreated, long hiddenNodesCreated,
    long pagesAllocated, long pagesZeroed, long pagesCopied, long pagesMoved, long shareCountUpdates) {

  static SpliceCounters between(VmStats before, VmStats after, long pagesWritten) {
    return new SpliceCounters(
        after.syscalls() - before.syscalls(),
        after.vmosCreated() - before.vmosCreated(),
        after.hiddenNodesCreated() - before.hiddenNodesCreated(),
        allocatedSoFar(after) - allocatedSoFar(before),
        after.pagesZeroed() - before.pagesZeroed(),
        after.pagesCopied() - before.pagesCopied() + pagesWritten,
        after.pagesMoved() - before.pagesMoved(),
        shareWork(after) - shareWork(before));
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
