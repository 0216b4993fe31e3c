package dev.bootsplice.vm;

/**
 * SHARE_COUNT (zircon-vm.md §6.4): a clone attaches to an existing hidden ancestor when the cloned
 * node owns nothing in range; entries of hidden nodes count the visible nodes that share them.
 */
final class ShareCountClones implements CloneAlgorithm {
    private final CowTree tree;

    ShareCountClones(CowTree tree) {
        this.tree = tree;
    }

    /** {@code FindParentAndRangeForClone}, then attach or convert, then count the new sharer. */
    @Override
    public CowPages cloneBidirectional(CowPages v, long offset, long limit, long size) {
        CowPages c = attach(v, offset, limit, size);
        countSharers(c);
        return c;
    }

    /**
     * {@code FindParentAndRangeForClone} (climb while the node owns nothing in range), then hang
     * the clone under the hidden node found or convert {@code v}; no share count changes yet.
     */
    CowPages attach(CowPages v, long offset, long limit, long size) {
        CowPages cur = v;
        long off = offset;
        long lim = limit;
        while (cur.parent != null && cur.parent.hidden && !cur.pages.anyInRange(off, off + lim)) {
            lim = Math.max(0, Math.min(off + lim, cur.parentLimit) - off);
            off += cur.parentOffset;
            lim = Math.max(0, Math.min(off + lim, cur.parent.size) - off);
            cur = cur.parent;
        }
        CowPages attachTo = cur.hidden ? cur : NodeLifecycle.insertHiddenParent(tree, v);
        return NodeLifecycle.attachChild(tree, attachTo, off, lim, size);
    }

    /** §6.4 step 4 ({@code ForEveryOwnedHierarchyPageInRange}): the new clone shares what it sees. */
    void countSharers(CowPages c) {
        for (CowTree.AncestorEntry e : CowTree.visibleAncestorEntries(c, 0, c.parentLimit)) {
            e.slot().shareCount++;
            tree.cloneShareCountIncrements++;
        }
    }

    @Override
    public Slot forkFromHidden(CowPages v, long offset, Lookup found) {
        Slot p = found.slot;
        Slot got;
        if (p.shareCount > 0) {
            got = p.isMarker() ? Slot.marker() : Slot.page(tree.memory.allocateCopy(p.page));
            p.shareCount--;
        } else {
            found.owner.pages.remove(found.offset);
            got = p;
            if (!p.isMarker()) {
                tree.memory.recordMigrated();
            }
        }
        v.pages.put(offset, got);
        return got;
    }

    @Override
    public void releaseView(CowPages v, long offset, Lookup found) {
        release(found.owner, found.offset, found.slot);
    }

    private void release(CowPages owner, long offset, Slot s) {
        if (s.shareCount == 0) {
            tree.dropEntry(owner, offset);
        } else {
            s.shareCount--;
        }
    }

    @Override
    public void releaseDyingView(CowPages v) {
        for (CowTree.AncestorEntry e : CowTree.visibleAncestorEntries(v, 0, v.parentLimit)) {
            release(e.owner(), e.offset(), e.slot());
            tree.closeShareCountReleases++;
        }
        v.parentLimit = 0;
        v.version.advance();
    }

    @Override
    public void releaseViewBeyond(CowPages v, long from) {
        for (CowTree.AncestorEntry e : CowTree.visibleAncestorEntries(v, from, v.parentLimit)) {
            release(e.owner(), e.offset(), e.slot());
        }
    }
}
