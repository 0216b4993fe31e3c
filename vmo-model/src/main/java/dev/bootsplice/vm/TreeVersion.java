package dev.bootsplice.vm;

/**
 * Counts the structural changes of one kernel's node forest (links, offsets, limits, sizes, pages
 * entering a hidden node); a {@link LookupSkip} computed at an older value is stale.
 */
final class TreeVersion {
    private long value;

    long value() {
        return value;
    }

    /** Called by every change that could make a cached skip wrong. */
    void advance() {
        value++;
    }
}
