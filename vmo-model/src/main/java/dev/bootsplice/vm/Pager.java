package dev.bootsplice.vm;

/** Resolves page requests of pager-backed roots through the configured {@link UserPager}. */
final class Pager {
    private final PhysicalMemory memory;
    private UserPager userPager = (koid, page) -> null;
    long requests;

    Pager(PhysicalMemory memory) {
        this.memory = memory;
    }

    void set(UserPager p) {
        this.userPager = p == null ? (koid, page) -> null : p;
    }

    /**
     * Asks the user pager for page {@code offset} of pager root {@code root}; returns whether it
     * was supplied (and is now in {@code root}'s page list).
     */
    boolean request(CowPages root, long offset) {
        requests++;
        long koid = root.owner == null ? -1 : root.owner.koid();
        byte[] content = userPager.pageRequested(koid, offset);
        if (content == null) {
            return false;
        }
        if (content.length != PhysicalMemory.PAGE_SIZE) {
            throw new IllegalArgumentException("user pager supplied " + content.length + " bytes, not a page");
        }
        byte[] page = memory.allocateZeroed();
        System.arraycopy(content, 0, page, 0, page.length);
        root.pages.put(offset, Slot.page(page));
        return true;
    }
}
