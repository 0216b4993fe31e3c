package dev.bootsplice.vm;

/**
 * A snapshot of the model's counters.
 *
 * @param pagesAllocated pages in use now
 * @param peakPagesAllocated the most pages ever in use at once
 * @param pagesCopied pages the kernel allocated as a copy of another page (copy-on-write forks,
 *     ZIRCON_2024's RequireOwnedPage); a {@code vmo_write} from user memory is not one of them
 *     (see {@code pagesWrittenFromUser})
 * @param pagesMoved pages handed from one VMO to another by a transfer or pager supply, without a copy
 * @param pagesZeroed pages allocated zero-filled (a write or commit of a page with no content)
 * @param pagesFreed pages returned to physical memory
 * @param hiddenNodes hidden copy-on-write nodes alive now
 * @param hiddenNodesCreated hidden nodes ever created
 * @param vmos VMOs alive now
 * @param vmosCreated VMOs ever created
 * @param syscalls syscalls made (including failed ones)
 * @param pagesMigrated pages moved out of a hidden node into a child instead of being copied
 * @param cloneShareCountIncrements share counts incremented when bidirectional clones were created:
 *     one per page or marker the new clone shares (SHARE_COUNT, PARENT_CONTENT; RFC-0254's
 *     O(#parent pages) creation; always 0 under LEGACY_CHAIN)
 * @param closeShareCountReleases hidden pages or markers released by dying visible nodes, each a share
 *     count decrement or a free (SHARE_COUNT, PARENT_CONTENT; RFC-0254's O(#parent pages)
 *     destruction; always 0 under LEGACY_CHAIN)
 * @param cloneParentContentMarkers {@code ParentContent} markers written when clones were created, in
 *     the clone's initial page list and in the node a clone converted (PARENT_CONTENT only)
 * @param pagesWrittenFromUser pages into which {@code zx_vmo_write} (and the scenario {@code fill})
 *     copied bytes from user memory: one per page a write touched, a partial page counting as one,
 *     whether the page was newly zero-filled, forked or already owned
 */
public record VmStats(
        long pagesAllocated,
        long peakPagesAllocated,
        long pagesCopied,
        long pagesMoved,
        long pagesZeroed,
        long pagesFreed,
        long hiddenNodes,
        long hiddenNodesCreated,
        long vmos,
        long vmosCreated,
        long syscalls,
        long pagesMigrated,
        long cloneShareCountIncrements,
        long closeShareCountReleases,
        long cloneParentContentMarkers,
        long pagesWrittenFromUser) {}
