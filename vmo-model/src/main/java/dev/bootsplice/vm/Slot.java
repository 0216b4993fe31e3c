package dev.bootsplice.vm;

/**
 * A non-empty page-list entry: a Page holding content, or a Marker that reads as zero.
 *
 * <p>An absent entry (no Slot) means "empty: ask the parent". A Slot is owned by exactly one page
 * list at a time; a transfer or migration moves the Slot object itself.
 */
final class Slot {
    static final int LEFT_SPLIT = 1;
    static final int RIGHT_SPLIT = 2;

    /** The page's bytes, exactly PAGE_SIZE long; null for a Marker. */
    byte[] page;
    /** SHARE_COUNT, hidden nodes only: visible nodes that see this entry, minus one. */
    int shareCount;
    /** LEGACY_CHAIN, hidden nodes only: LEFT_SPLIT / RIGHT_SPLIT; never both. */
    int splitBits;
    /** Pins on this page; a pinned entry is always a Page in a visible node. */
    int pinCount;

    private Slot(byte[] page) {
        this.page = page;
    }

    static Slot page(byte[] bytes) {
        return new Slot(bytes);
    }

    static Slot marker() {
        return new Slot(null);
    }

    boolean isMarker() {
        return page == null;
    }

    boolean isPinned() {
        return pinCount > 0;
    }

    void clearSharing() {
        shareCount = 0;
        splitBits = 0;
    }
}
