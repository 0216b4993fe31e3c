package dev.bootsplice.vm;

/**
 * The model's user pager: called when a lookup in a pager-backed tree finds no page
 * (zircon-vm.md §10). Returning null leaves the request outstanding, and the access fails with
 * {@code ZX_ERR_SHOULD_WAIT}.
 */
@FunctionalInterface
public interface UserPager {
    /**
     * Content for page {@code pageIndex} of the pager VMO {@code vmoKoid}: exactly 4096 bytes, or
     * null to supply nothing.
     */
    byte[] pageRequested(long vmoKoid, long pageIndex);
}
