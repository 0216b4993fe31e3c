package dev.bootsplice.vm;

/** The result of a page lookup (zircon-vm.md §7.1); reused to keep the hot path allocation-free. */
final class Lookup {
    /** The entry found, or null when the page reads as zero or must come from the pager. */
    Slot slot;
    /** The node where the lookup ended: the owner of {@code slot} when one was found. */
    CowPages owner;
    /** The offset in {@code owner}. */
    long offset;
    /** Parent links followed. */
    int hops;
    /** True when no entry exists and the tree's pager must supply the page. */
    boolean pagerRequest;
    /** True when a visible node lies strictly between the start and the owner (unidirectional path). */
    boolean throughVisible;

    /** Whether the content is an entry of a hidden node reached only through hidden nodes. */
    boolean inHiddenAncestor() {
        return slot != null && owner.hidden && !throughVisible;
    }
}
