package dev.bootsplice.vm;

/** The part of copy-on-write that differs between LEGACY_CHAIN and SHARE_COUNT. */
interface CloneAlgorithm {
    /**
     * Creates a bidirectional clone of visible node {@code v} seeing {@code [offset, offset+limit)}
     * of it, with node size {@code size}; all arguments in pages.
     */
    CowPages cloneBidirectional(CowPages v, long offset, long limit, long size);

    /**
     * Gives {@code v} its own entry for content {@code found} that lies in a hidden ancestor
     * (copy or migration); returns the entry now stored in {@code v} at {@code offset}.
     *
     * @throws ZxException NO_MEMORY when a copy cannot be allocated; the tree stays consistent
     */
    Slot forkFromHidden(CowPages v, long offset, Lookup found);

    /**
     * Makes {@code v}, which has no entry at {@code offset}, stop seeing hidden content
     * {@code found}: the caller then stores its own entry there.
     *
     * @throws ZxException NO_MEMORY (LEGACY_CHAIN forks through intermediate levels)
     */
    void releaseView(CowPages v, long offset, Lookup found);

    /** Releases what a dying visible node {@code v} could see in hidden ancestors. */
    void releaseDyingView(CowPages v);

    /** Releases what {@code v} could see of hidden ancestors at offsets {@code [from, v.parentLimit)}. */
    void releaseViewBeyond(CowPages v, long from);
}
