package dev.bootsplice.vm;

/** How bidirectional copy-on-write clones are built (zircon-vm.md §2.2). */
public enum CloneFlavour {
    /** Split bits: every snapshot inserts a hidden node with exactly two children (§6.3). */
    LEGACY_CHAIN,
    /** Share counts: a snapshot attaches to an existing hidden ancestor where it can (§6.4). */
    SHARE_COUNT,
    /**
     * The 2025 kernel: SHARE_COUNT plus {@code ParentContent} markers, so an empty slot of a visible
     * node in a tree without a page source reads zero without walking up (§6.5).
     */
    PARENT_CONTENT
}
