package dev.bootsplice.vm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The forest of copy-on-write nodes: page lookup, write faults, zero-writes, clone creation and
 * node death, shared by both clone flavours (the flavour-specific part is a {@link CloneAlgorithm}).
 */
final class CowTree {
    /** A visible ancestor entry that some operation must release or count. */
    record AncestorEntry(CowPages owner, long offset, Slot slot) {}

    final PhysicalMemory memory;
    final CloneFlavour flavour;
    final CloneAlgorithm algorithm;
    final Pager pager;
    private final Set<CowPages> live = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Lookup scratch = new Lookup();
    private long nextNodeId = 1;
    /** Structural changes of this forest; cached {@link LookupSkip}s are valid only at the current value. */
    final TreeVersion version = new TreeVersion();

    long hiddenNodes;
    long hiddenNodesCreated;
    /** Share counts incremented by bidirectional clone creation (RFC-0254: O(#parent pages) per clone). */
    long cloneShareCountIncrements;
    /** Hidden entries released (share count decremented, or entry freed) by a dying visible node. */
    long closeShareCountReleases;
    /** {@code ParentContent} markers written by clone creation (clone's initial list and converted node). */
    long cloneParentContentMarkers;

    CowTree(PhysicalMemory memory, CloneFlavour flavour, Pager pager) {
        this.memory = memory;
        this.flavour = flavour;
        this.pager = pager;
        this.algorithm = switch (flavour) {
            case LEGACY_CHAIN -> new SplitBitClones(this);
            case SHARE_COUNT -> new ShareCountClones(this);
            case PARENT_CONTENT -> new ParentContentClones(this);
        };
    }

    /** A new root node. */
    CowPages newNode(CowPages.Source source, long size) {
        return register(new CowPages(nextNodeId++, source, source, size, version));
    }

    /** A new source-less node that will join the tree of {@code relative}. */
    CowPages newNodeIn(CowPages relative, long size) {
        return register(new CowPages(nextNodeId++, CowPages.Source.NONE, relative.treeSource, size, version));
    }

    /** Visible nodes of a tree whose root has no page source get markers under PARENT_CONTENT (PC1). */
    private CowPages register(CowPages n) {
        if (flavour == CloneFlavour.PARENT_CONTENT && n.treeSource == CowPages.Source.NONE) {
            n.parentContent = new PageList();
        }
        live.add(n);
        return n;
    }

    CowPages newHiddenNode(CowPages relative, long size) {
        CowPages h = newNodeIn(relative, size);
        h.parentContent = null; // "parent content markers are never placed in the hidden nodes"
        h.hidden = true;
        hiddenNodes++;
        hiddenNodesCreated++;
        return h;
    }

    Set<CowPages> liveNodes() {
        return live;
    }

    /**
     * Looks up page {@code o} of {@code node} as §7.1 does, with PARENT_CONTENT's extra exit (§6.5
     * PC3, {@code FindPageContentLocked}): an empty slot of a marker node reads zero with 0 hops.
     */
    static void lookUp(CowPages node, long o, Lookup out) {
        lookUp(node, o, out, true);
    }

    /**
     * {@link #lookUp} for a write fault, which usually changes the tree right after: the walk uses
     * the skips that are current but recomputes none (the next change would make them stale again).
     */
    static void lookUpForWrite(CowPages node, long o, Lookup out) {
        lookUp(node, o, out, false);
    }

    private static void lookUp(CowPages node, long o, Lookup out, boolean refresh) {
        if (node.parentContent != null && node.pages.get(o) == null && node.parentContent.get(o) == null) {
            out.slot = null;
            out.owner = node;
            out.offset = o;
            out.hops = 0;
            out.throughVisible = false;
            out.pagerRequest = false;
            return;
        }
        walk(node, o, out, refresh);
    }

    /** §7.1's walk: an empty slot continues in the parent (also past a {@code ParentContent} marker). */
    static void walk(CowPages node, long o, Lookup out) {
        walk(node, o, out, true);
    }

    private static void walk(CowPages node, long o, Lookup out, boolean refresh) {
        int hops = 0;
        boolean throughVisible = false;
        Slot s = node.pages.get(o);
        while (s == null && o < node.parentLimit) {
            CowPages p = node.parent;
            if (LookupSkip.passable(p) && (refresh || LookupSkip.current(node))) {
                // No hidden node of the run holds an entry at o: jump to its far end, counting each link.
                LookupSkip.refresh(node);
                if (LookupSkip.applies(node, o)) {
                    if (hops > 0 && !node.hidden) {
                        throughVisible = true;
                    }
                    hops += node.skipHops;
                    o += node.skipDelta;
                    node = node.skipTarget;
                    s = node.pages.get(o);
                    continue;
                }
            }
            long po = node.parentOffset + o;
            if (po >= p.size) {
                break;
            }
            if (hops > 0 && !node.hidden) {
                throughVisible = true;
            }
            node = p;
            o = po;
            hops++;
            s = node.pages.get(o);
        }
        out.slot = s;
        out.owner = node;
        out.offset = o;
        out.hops = hops;
        out.throughVisible = throughVisible;
        out.pagerRequest = s == null && node.parent == null && node.source == CowPages.Source.PAGER;
    }

    /** Reads page {@code o} of {@code node} into {@code dst}; returns hops. Never changes the tree. */
    int readPage(CowPages node, long o, byte[] dst, int dstOffset, int pageOffset, int length) {
        lookUp(node, o, scratch);
        if (scratch.pagerRequest && !pager.request(scratch.owner, scratch.offset)) {
            throw new ZxException(ZxStatus.ERR_SHOULD_WAIT, "page " + o + " not supplied by the pager");
        }
        if (scratch.pagerRequest) {
            lookUp(node, o, scratch);
        }
        Slot s = scratch.slot;
        if (s == null || s.isMarker()) {
            java.util.Arrays.fill(dst, dstOffset, dstOffset + length, (byte) 0);
        } else {
            System.arraycopy(s.page, pageOffset, dst, dstOffset, length);
        }
        return scratch.hops;
    }

    /**
     * A write fault: returns the Page entry {@code node} owns at {@code o}, forking, migrating or
     * zero-filling it first (zircon-vm.md §6.3, §6.4, §6.6).
     *
     * @throws ZxException NO_MEMORY, or SHOULD_WAIT when the pager does not supply the page
     */
    Slot forkForWrite(CowPages node, long o) {
        Slot own = node.pages.get(o);
        if (own != null) {
            return own.isMarker() ? fillMarker(node, own) : own;
        }
        Lookup f = new Lookup();
        lookUpForWrite(node, o, f);
        return forkFound(node, o, f);
    }

    /**
     * {@link #forkForWrite} of an empty slot {@code o} of {@code node} whose {@link #lookUp} the
     * caller has already made into {@code f} (one walk for a caller that must look first).
     */
    Slot forkFound(CowPages node, long o, Lookup f) {
        if (f.pagerRequest) {
            if (!pager.request(f.owner, f.offset)) {
                throw new ZxException(ZxStatus.ERR_SHOULD_WAIT, "page " + o + " not supplied by the pager");
            }
            lookUpForWrite(node, o, f);
        }
        Slot got;
        if (f.slot == null) {
            got = Slot.page(memory.allocateZeroed());
            node.pages.put(o, got);
            return got;
        }
        if (!f.inHiddenAncestor()) {
            // Unidirectional: the parent keeps its page; a fork always copies (§6.6).
            got = f.slot.isMarker() ? Slot.page(memory.allocateZeroed()) : Slot.page(memory.allocateCopy(f.slot.page));
            node.pages.put(o, got);
            return got;
        }
        got = algorithm.forkFromHidden(node, o, f);
        return got.isMarker() ? fillMarker(node, got) : got;
    }

    private Slot fillMarker(CowPages node, Slot marker) {
        marker.page = memory.allocateZeroed();
        node.pages.recount(true, marker);
        return marker;
    }

    /**
     * Zero-write bookkeeping: afterwards {@code node} reads zero at {@code o} and no ancestor
     * content shows through. The caller has excluded pinned pages.
     */
    void zeroWrite(CowPages node, long o) {
        Slot own = node.pages.get(o);
        if (own != null) {
            if (!needsMarker(node, o)) {
                node.pages.remove(o);
                freeIfPage(own);
            } else if (!own.isMarker()) {
                freeIfPage(own);
                node.pages.recount(false, own);
            }
            return;
        }
        Lookup f = new Lookup();
        lookUp(node, o, f);
        if (f.slot == null && !f.pagerRequest) {
            return;
        }
        if (f.inHiddenAncestor()) {
            algorithm.releaseView(node, o, f);
        }
        if (!node.usesParentContentMarkers()) {
            node.pages.put(o, Slot.marker());
        }
    }

    /**
     * Whether an empty slot at {@code o} would not read zero (ancestor content or a pager request).
     * Never for a marker node: its empty slot is zero and a Marker may not be stored there
     * ({@code DedupZeroPage}, §6.5 PC6).
     */
    static boolean needsMarker(CowPages node, long o) {
        if (node.usesParentContentMarkers()) {
            return false;
        }
        return (node.parent != null && o < node.parentLimit) || node.inPagerTree();
    }

    void freeIfPage(Slot s) {
        if (!s.isMarker()) {
            memory.free(s.page);
            s.page = null;
        }
    }

    /**
     * Every entry of a hidden ancestor that {@code v} sees at offsets {@code [lo, hi)}, collected
     * before anyone changes them. Stops at the first visible ancestor (unidirectional edge).
     */
    static List<AncestorEntry> visibleAncestorEntries(CowPages v, long lo, long hi) {
        if (v.usesParentContentMarkers()) {
            return entriesThroughMarkers(v, lo, Math.min(hi, v.parentLimit));
        }
        List<AncestorEntry> out = new ArrayList<>();
        List<CowPages> below = new ArrayList<>();
        List<Long> deltas = new ArrayList<>();
        CowPages cur = v;
        long delta = 0;
        while (cur.parent != null && cur.parent.hidden) {
            below.add(cur);
            deltas.add(delta);
            hi = Math.min(hi, cur.parentLimit);
            if (lo >= hi) {
                break;
            }
            CowPages p = cur.parent;
            lo += cur.parentOffset;
            hi = Math.min(hi + cur.parentOffset, p.size);
            delta += cur.parentOffset;
            for (long idx : p.pages.indicesInRange(lo, hi)) {
                if (!shadowed(below, deltas, idx - delta)) {
                    out.add(new AncestorEntry(p, idx, p.pages.get(idx)));
                }
            }
            cur = p;
        }
        return out;
    }

    /** PARENT_CONTENT: a marker node sees hidden content only where it holds a {@code ParentContent} marker. */
    private static List<AncestorEntry> entriesThroughMarkers(CowPages v, long lo, long hi) {
        List<AncestorEntry> out = new ArrayList<>();
        Lookup f = new Lookup();
        for (long o : v.parentContent.indicesInRange(lo, hi)) {
            walk(v, o, f);
            if (f.inHiddenAncestor()) {
                out.add(new AncestorEntry(f.owner, f.offset, f.slot));
            }
        }
        return out;
    }

    private static boolean shadowed(List<CowPages> below, List<Long> deltas, long offsetInV) {
        for (int i = 0; i < below.size(); i++) {
            if (below.get(i).pages.get(offsetInV + deltas.get(i)) != null) {
                return true;
            }
        }
        return false;
    }

    /** Removes an entry from a hidden node and frees its page. */
    void dropEntry(CowPages owner, long offset) {
        Slot s = owner.pages.remove(offset);
        freeIfPage(s);
    }

    void forget(CowPages n) {
        live.remove(n);
        if (n.hidden) {
            hiddenNodes--;
        }
    }
}
