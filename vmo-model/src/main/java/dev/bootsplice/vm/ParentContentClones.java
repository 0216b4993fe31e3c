package dev.bootsplice.vm;

/**
 * PARENT_CONTENT (zircon-vm.md §6.5, the 2025 kernel): SHARE_COUNT's tree and share counts, plus
 * {@code ParentContent} markers in the visible nodes of trees whose root has no page source.
 * Pager trees have no markers and behave exactly as SHARE_COUNT.
 *
 * <p>Sources: chenhunghan/fuchsia-mirror {@code zircon/kernel/vm/vm_cow_pages.cc}
 * {@code CreateCloneLocked} (markers and share counts before the climb),
 * {@code CloneNewHiddenParentLocked}, {@code CloneCowPageLocked}, {@code ReleaseOwnedPagesRangeLocked},
 * {@code MergeContentWithChildLocked}; misttech/fuchsia {@code vm_cow_pages.h}
 * {@code node_has_parent_content_markers}.
 */
final class ParentContentClones implements CloneAlgorithm {
    private final CowTree tree;
    private final ShareCountClones shares;

    ParentContentClones(CowTree tree) {
        this.tree = tree;
        this.shares = new ShareCountClones(tree);
    }

    /**
     * PC4: the clone's initial list holds a marker wherever {@code v} sees content in the window
     * (its own pages and its own markers, taken before the climb); a converted {@code v} keeps a
     * marker where it had a page.
     */
    @Override
    public CowPages cloneBidirectional(CowPages v, long offset, long limit, long size) {
        if (!v.usesParentContentMarkers()) {
            return shares.cloneBidirectional(v, offset, limit, size);
        }
        long[] ownSeen = v.pages.indicesInRange(offset, offset + limit);
        long[] markedSeen = v.parentContent.indicesInRange(offset, offset + limit);
        PageList before = v.pages;
        CowPages c = shares.attach(v, offset, limit, size);
        if (v.pages != before) {
            // CloneNewHiddenParentLocked: v's pages went to the new hidden node; v points up instead.
            for (long o : before.indices()) {
                v.parentContent.put(o, CowPages.PARENT_CONTENT);
                tree.cloneParentContentMarkers++;
            }
        }
        mark(c, ownSeen, offset);
        mark(c, markedSeen, offset);
        shares.countSharers(c);
        return c;
    }

    private void mark(CowPages c, long[] seen, long offset) {
        for (long o : seen) {
            if (o - offset < c.parentLimit) {
                c.parentContent.put(o - offset, CowPages.PARENT_CONTENT);
                tree.cloneParentContentMarkers++;
            }
        }
    }

    /** PC5: the fork overwrites the marker ({@code CanOverwriteSlot::EmptyOrParent}). */
    @Override
    public Slot forkFromHidden(CowPages v, long offset, Lookup found) {
        Slot got = shares.forkFromHidden(v, offset, found);
        dropMarker(v, offset);
        return got;
    }

    /** PC6: the view is released and the slot is left empty (the caller stores no Marker). */
    @Override
    public void releaseView(CowPages v, long offset, Lookup found) {
        shares.releaseView(v, offset, found);
        dropMarker(v, offset);
    }

    /** PC7: release what the markers point at, then remove every marker. */
    @Override
    public void releaseDyingView(CowPages v) {
        shares.releaseDyingView(v);
        if (v.usesParentContentMarkers()) {
            v.parentContent = new PageList();
        }
    }

    @Override
    public void releaseViewBeyond(CowPages v, long from) {
        shares.releaseViewBeyond(v, from);
        if (v.usesParentContentMarkers()) {
            for (long o : v.parentContent.indicesInRange(from, Long.MAX_VALUE)) {
                v.parentContent.remove(o);
            }
        }
    }

    private static void dropMarker(CowPages v, long offset) {
        if (v.usesParentContentMarkers()) {
            v.parentContent.remove(offset);
        }
    }
}
