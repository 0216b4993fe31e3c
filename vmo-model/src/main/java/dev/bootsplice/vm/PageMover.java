package dev.bootsplice.vm;

/**
 * Takes pages out of one node and supplies them to another (zircon-vm.md §8.4, §8.6, §10): the
 * page-moving half of transfer and pager supply, run only after every check passed.
 */
final class PageMover {
    private final CowTree tree;
    private final Lookup scratch = new Lookup();
    private final Lookup destination = new Lookup();

    PageMover(CowTree tree) {
        this.tree = tree;
    }

    /**
     * RFC_0223: page by page in ascending order, each allocating step before any visible change,
     * so NO_MEMORY at page k leaves pages [0, k) moved and [k, n) untouched in both VMOs.
     */
    void movePageByPage(CowPages src, long srcFirst, CowPages dst, long dstFirst, long n, boolean preforkModified) {
        // A root that holds no entry in the range has nothing to free or release before a page lands
        // (the boot path's fresh file VMO): skip the per-page destination probes.
        boolean emptyRootDestination = dst.parent == null && !dst.pages.anyInRange(dstFirst, dstFirst + n);
        if (emptyRootDestination) {
            dst.pages.reserve(dst.pages.size() + Math.min(n, src.pages.size())); // at most what can move
        }
        for (long i = 0; i < n; i++) {
            long so = srcFirst + i;
            long dof = dstFirst + i;
            ensureOwned(src, so);
            if (preforkModified && dst.source == CowPages.Source.PAGER) {
                preforkModifiedChildren(dst, dof);
            }
            if (!emptyRootDestination) {
                prepareSupply(dst, dof);
            }
            insert(dst, dof, cut(src, so));
        }
    }

    /**
     * ZIRCON_2024 take (misttech/mist-os {@code vm_cow_pages.cc} {@code VmCowPages::TakePages}): a
     * root gives up its entries as they are; a node with a parent goes through
     * {@link #takeWithParent}. Returns the transfer list keyed by page index within the range
     * (holes absent, so a huge sparse range costs nothing). On NO_MEMORY at page k the pages
     * already taken are freed (the syscall's {@code VmPageSpliceList} destructor) and pages [k, n)
     * stay where they were.
     */
    PageList takeShipped(CowPages src, long srcFirst, long n) {
        if (n > Integer.MAX_VALUE - 8) {
            throw new ZxException(ZxStatus.ERR_NO_MEMORY, "transfer list of " + n + " pages");
        }
        PageList taken = new PageList();
        try {
            if (src.parent == null) {
                for (long o : src.pages.indicesInRange(srcFirst, srcFirst + n)) {
                    taken.put(o - srcFirst, src.pages.remove(o));
                }
            } else {
                for (long i = 0; i < n; i++) {
                    taken.put(i, takeWithParent(src, srcFirst + i));
                }
            }
        } catch (ZxException e) {
            freeTaken(taken);
            throw e;
        }
        return taken;
    }

    /**
     * {@code TakePagesWithParentLocked}, one page: allocate a zero page, {@code RequireOwnedPage}
     * (copy, migrate or zero-fill as a write fault would), swap the zero page in, hand the owned
     * page on. The source slot ends as a committed zero page (fxbug.dev/42076904). Where the node
     * sees no content, {@code LookupCursor::RequireOwnedPage} allocates a zero page too
     * ({@code CursorIsContentZero} → {@code TargetAllocateCopyPageAsResult(vm_get_zero_page())},
     * misttech/mist-os {@code vm_cow_pages.cc} @00b4db61), as {@link CowTree#forkForWrite} does.
     */
    private Slot takeWithParent(CowPages src, long o) {
        byte[] zero = tree.memory.allocateZeroed();
        Slot owned;
        try {
            owned = tree.forkForWrite(src, o);
        } catch (ZxException e) {
            tree.memory.free(zero);
            throw e;
        }
        src.pages.put(o, Slot.page(zero));
        return owned;
    }

    /**
     * ZIRCON_2024 supply ({@code VmCowPages::SupplyPagesLocked}, {@code SupplyOptions::TransferData})
     * of {@code n} pages: a destination with a parent first owns every page of the range
     * ({@code RequireOwnedPage} pre-pass, whose copies are freed when replaced; NO_MEMORY here
     * supplies nothing), then each slot is overwritten. {@code taken} is empty afterwards.
     */
    void supplyShipped(CowPages dst, long dstFirst, long n, PageList taken) {
        if (dst.parent == null) {
            supplyRoot(dst, dstFirst, n, taken);
            return;
        }
        for (long i = 0; i < n; i++) {
            tree.forkForWrite(dst, dstFirst + i);
        }
        for (long i = 0; i < n; i++) {
            long o = dstFirst + i;
            Slot old = dst.pages.remove(o); // an owned page after the pre-pass
            if (old != null) {
                tree.freeIfPage(old);
            }
            Slot t = taken.remove(i);
            if (t == null || t.isMarker()) {
                // A hole becomes a Marker, except in a node that uses ParentContent markers
                // (SupplyPagesLocked: "we do not want to insert redundant markers"): its empty slot is zero.
                if (!dst.usesParentContentMarkers()) {
                    dst.pages.put(o, t == null ? Slot.marker() : t);
                }
            } else {
                insertPage(dst, o, t);
            }
        }
    }

    /**
     * A root destination: its entries in the range are replaced and holes stay empty, which reads
     * zero like the shipped kernel's Marker there (only tree dumps could tell them apart), so a
     * huge sparse transfer touches only the entries that exist.
     */
    private void supplyRoot(CowPages dst, long dstFirst, long n, PageList taken) {
        for (long o : dst.pages.indicesInRange(dstFirst, dstFirst + n)) {
            tree.freeIfPage(dst.pages.remove(o));
        }
        dst.pages.reserve(dst.pages.size() + taken.size());
        for (long i : taken.indices()) {
            Slot t = taken.remove(i);
            if (!t.isMarker()) {
                insertPage(dst, dstFirst + i, t);
            } else if (!dst.usesParentContentMarkers()) {
                dst.pages.put(dstFirst + i, t);
            }
        }
    }

    private void insertPage(CowPages dst, long o, Slot t) {
        t.clearSharing();
        dst.pages.put(o, t);
        tree.memory.recordMoved();
    }

    /** Frees every page still in a transfer list (a failed ZIRCON_2024 transfer loses them). */
    void freeTaken(PageList taken) {
        for (long i : taken.indices()) {
            tree.freeIfPage(taken.remove(i));
        }
    }

    /**
     * Pager supply: the aux range is taken as {@code zx_vmo_transfer_data} takes it (both call
     * {@code TakePages}, misttech/mist-os {@code pager.cc}); pages the pager VMO already holds are
     * kept and the aux page is freed.
     */
    void supplyWithoutOverwrite(CowPages aux, long auxFirst, CowPages pagerRoot, long first, long n) {
        PageList taken = takeShipped(aux, auxFirst, n);
        for (long i = 0; i < n; i++) {
            long o = first + i;
            Slot t = taken.remove(i);
            if (pagerRoot.pages.get(o) != null) {
                if (t != null) {
                    tree.freeIfPage(t);
                }
                continue;
            }
            insert(pagerRoot, o, t == null ? Slot.marker() : t);
        }
    }

    /**
     * Makes {@code node} own the page it sees at {@code o} when that page lives in an ancestor
     * (a write fault's copy or migration). Visible content does not change; may allocate.
     */
    private void ensureOwned(CowPages node, long o) {
        if (node.parent == null || node.pages.get(o) != null) {
            return;
        }
        CowTree.lookUp(node, o, scratch);
        if (scratch.slot != null && !scratch.slot.isMarker()) {
            tree.forkForWrite(node, o);
        } else if (scratch.slot == null && scratch.pagerRequest) {
            tree.forkForWrite(node, o);
        }
    }

    /**
     * Cuts the entry at {@code o} out of {@code node}: a root gives up its Page or Marker; a child
     * gives up its own Page and keeps a Marker so no ancestor content shows through. Returns null
     * for a hole. Never allocates.
     */
    private static Slot cut(CowPages node, long o) {
        if (node.parent == null) {
            return node.pages.remove(o);
        }
        Slot own = node.pages.get(o);
        if (own == null || own.isMarker()) {
            return null;
        }
        if (o < node.parentLimit && !node.usesParentContentMarkers()) {
            node.pages.put(o, Slot.marker());
        } else {
            node.pages.remove(o);
        }
        return own;
    }

    /** Destination bookkeeping of §8.4 steps 1–2; allocating steps come before any change. */
    private void prepareSupply(CowPages dst, long o) {
        Slot own = dst.pages.get(o);
        if (own != null) {
            dst.pages.remove(o);
            tree.freeIfPage(own);
            return;
        }
        CowTree.lookUp(dst, o, destination);
        if (destination.inHiddenAncestor()) {
            tree.algorithm.releaseView(dst, o, destination);
        }
    }

    /** §8.4 step 3. */
    private void insert(CowPages dst, long o, Slot t) {
        if (dst.usesParentContentMarkers() && (t == null || t.isMarker())) {
            return; // §8.4 step 3: a marker node's empty slot reads zero
        }
        if (t != null) {
            t.clearSharing();
            dst.pages.put(o, t);
            if (!t.isMarker()) {
                tree.memory.recordMoved();
            }
        } else if (dst.parent != null || dst.inPagerTree()) {
            dst.pages.put(o, Slot.marker());
        }
    }

    /**
     * RFC_0223, pager-root destination: unidirectional SNAPSHOT_MODIFIED children that still read
     * page {@code o} from it get a copy of the old content first, so they keep it.
     */
    private void preforkModifiedChildren(CowPages root, long o) {
        for (CowPages c : root.children) {
            if (c.modifiedSnapshot && c.windowContains(o)) {
                long co = o - c.parentOffset;
                CowTree.lookUp(c, co, scratch);
                if (scratch.owner == root && scratch.slot != null) {
                    tree.forkForWrite(c, co);
                }
            }
        }
    }
}
