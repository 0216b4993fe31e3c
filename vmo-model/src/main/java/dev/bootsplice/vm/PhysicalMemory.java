package dev.bootsplice.vm;

/**
 * Hands out real 4 KiB pages, counts them against a limit and fails with NO_MEMORY when full.
 *
 * <p>A copy copies bytes and counts {@code copied}; a move hands a page reference on and counts
 * {@code moved}; the counters say which happened. Invariant: {@code allocatedTotal - freed ==
 * inUse}.
 */
final class PhysicalMemory {
    static final int PAGE_SIZE = VmoOptions.PAGE_SIZE;

    /**
     * Without an explicit limit the model is bounded by the heap: at most this fraction of the
     * JVM's maximum heap may hold pages, so a hostile commit fails with NO_MEMORY instead of
     * killing the JVM.
     */
    private static final double HEAP_FRACTION_FOR_PAGES = 0.8;

    private final long limit;
    private long inUse;
    private long peak;
    private long allocatedTotal;
    private long zeroed;
    private long copied;
    private long moved;
    private long migrated;
    private long freed;

    /** Creates memory of {@code limitPages} pages; negative means bounded by the heap only. */
    PhysicalMemory(long limitPages) {
        long heapPages = (long) (Runtime.getRuntime().maxMemory() * HEAP_FRACTION_FOR_PAGES) / PAGE_SIZE;
        this.limit = limitPages < 0 ? heapPages : limitPages;
    }

    /** Allocates a zero-filled page. @throws ZxException NO_MEMORY when the limit is reached */
    byte[] allocateZeroed() {
        reserve();
        zeroed++;
        return new byte[PAGE_SIZE];
    }

    /** Allocates a copy of {@code src}. @throws ZxException NO_MEMORY when the limit is reached */
    byte[] allocateCopy(byte[] src) {
        reserve();
        copied++;
        byte[] page = new byte[PAGE_SIZE];
        System.arraycopy(src, 0, page, 0, PAGE_SIZE);
        return page;
    }

    private void reserve() {
        if (inUse >= limit) {
            throw new ZxException(ZxStatus.ERR_NO_MEMORY, "physical memory limit of " + limit + " pages reached");
        }
        inUse++;
        allocatedTotal++;
        peak = Math.max(peak, inUse);
    }

    /** Returns a page; the caller drops every reference to it. */
    void free(byte[] page) {
        if (page == null) {
            throw new IllegalStateException("freeing a marker as a page");
        }
        inUse--;
        freed++;
    }

    /** Counts a page handed from one VMO to another without a copy. */
    void recordMoved() {
        moved++;
    }

    /** Counts a page moved out of a hidden node into a child instead of being copied. */
    void recordMigrated() {
        migrated++;
    }

    long inUse() {
        return inUse;
    }

    long peak() {
        return peak;
    }

    long allocatedTotal() {
        return allocatedTotal;
    }

    long zeroed() {
        return zeroed;
    }

    long copied() {
        return copied;
    }

    long moved() {
        return moved;
    }

    long migrated() {
        return migrated;
    }

    long freed() {
        return freed;
    }

    long limit() {
        return limit;
    }
}
