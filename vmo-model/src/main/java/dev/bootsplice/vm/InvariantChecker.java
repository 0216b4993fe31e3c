package dev.bootsplice.vm;

import java.util.IdentityHashMap;
import java.util.Map;

/** Checks the model's invariants; each failure names the invariant and where it broke. */
final class InvariantChecker {
    private final Kernel kernel;
    private final CowTree tree;

    InvariantChecker(Kernel kernel) {
        this.kernel = kernel;
        this.tree = kernel.tree;
    }

    void check() {
        checkPagesOwnedOnce();
        long withParent = 0;
        long childLinks = 0;
        for (CowPages n : tree.liveNodes()) {
            checkLinks(n);
            checkEntries(n);
            withParent += n.parent != null ? 1 : 0;
            childLinks += n.children.size();
        }
        // Every child link points back (checkLinks), so equal counts mean the links are a bijection.
        if (withParent != childLinks) {
            throw broken(
                    "parent and child links agree",
                    withParent + " nodes have a parent, " + childLinks + " child links exist");
        }
        if (kernel.config.clones() != CloneFlavour.LEGACY_CHAIN) {
            checkShareCounts();
        }
        for (CowPages n : tree.liveNodes()) {
            checkParentContentMarkers(n);
            String skip = LookupSkip.verify(n);
            if (skip != null) {
                throw broken("cached lookup skips agree with the tree", skip);
            }
        }
        checkVmos();
        checkHandles();
    }

    private static IllegalStateException broken(String invariant, String detail) {
        return new IllegalStateException("invariant '" + invariant + "' broken: " + detail);
    }

    private void checkPagesOwnedOnce() {
        Map<byte[], Long> seen = new IdentityHashMap<>();
        long[] pinned = new long[1];
        for (CowPages n : tree.liveNodes()) {
            pinned[0] = 0;
            n.pages.forEach((o, s) -> {
                if (s.page != null && seen.put(s.page, n.id) != null) {
                    throw broken(
                            "every page owned exactly once",
                            "page at offset " + o + " of node " + n.id + " also owned by node " + seen.get(s.page));
                }
                if (s.isPinned()) {
                    pinned[0]++;
                }
            });
            if (pinned[0] != n.pinnedPages) {
                throw broken("pinned page count", "node " + n.id + " counts " + n.pinnedPages + ", holds " + pinned[0]);
            }
        }
        PhysicalMemory m = tree.memory;
        if (seen.size() != m.inUse()) {
            throw broken("pages in use match pages owned", m.inUse() + " in use, " + seen.size() + " owned");
        }
        if (m.allocatedTotal() - m.freed() != m.inUse()) {
            throw broken(
                    "counters balance",
                    "allocated " + m.allocatedTotal() + " - freed " + m.freed() + " != in use " + m.inUse());
        }
        if (m.zeroed() + m.copied() != m.allocatedTotal()) {
            throw broken(
                    "every allocation is a zero-fill or a copy",
                    m.zeroed() + " + " + m.copied() + " != " + m.allocatedTotal());
        }
    }

    private void checkLinks(CowPages n) {
        if (n.parent != null) {
            if (!tree.liveNodes().contains(n.parent)) {
                throw broken("parent and child links agree", "node " + n.id + " has a dead parent " + n.parent.id);
            }
            if (n.parentLimit < 0 || n.parentLimit > n.size) {
                throw broken(
                        "0 <= parentLimit <= size", "node " + n.id + " limit " + n.parentLimit + " size " + n.size);
            }
        } else if (n.parentLimit != 0) {
            throw broken("a root does not reach a parent", "node " + n.id + " has parentLimit " + n.parentLimit);
        }
        for (CowPages c : n.children) {
            if (c.parent != n) {
                throw broken("parent and child links agree", "child " + c.id + " of node " + n.id);
            }
        }
        if (n.hidden) {
            int k = n.children.size();
            boolean ok = kernel.config.clones() == CloneFlavour.LEGACY_CHAIN ? k == 2 : k >= 2;
            if (!ok) {
                throw broken(
                        "hidden nodes have "
                                + (kernel.config.clones() == CloneFlavour.LEGACY_CHAIN ? "exactly 2" : ">= 2")
                                + " children",
                        "node " + n.id + " has " + k);
            }
            if (n.vmoRefs != 0 || n.owner != null) {
                throw broken("no VMO views a hidden node", "node " + n.id);
            }
        } else if (n.vmoRefs == 0 && n.children.isEmpty()) {
            throw broken("a visible node lives while a VMO or a child needs it", "node " + n.id);
        }
    }

    private static void checkEntries(CowPages n) {
        n.pages.forEach((o, s) -> {
            if (o < 0 || o >= n.size) {
                throw broken("entries lie inside the node", "node " + n.id + " offset " + o + " size " + n.size);
            }
            if (s.page != null && s.page.length != PhysicalMemory.PAGE_SIZE) {
                throw broken("pages are 4096 bytes", "node " + n.id + " offset " + o);
            }
            if (s.splitBits == (Slot.LEFT_SPLIT | Slot.RIGHT_SPLIT)) {
                throw broken("at most one split bit per page", "node " + n.id + " offset " + o);
            }
            if (!n.hidden && (s.splitBits != 0 || s.shareCount != 0)) {
                throw broken("visible nodes hold no shared pages", "node " + n.id + " offset " + o);
            }
            if (s.isPinned() && (s.isMarker() || n.hidden)) {
                throw broken("pinned entries are pages of visible nodes", "node " + n.id + " offset " + o);
            }
        });
    }

    /**
     * PARENT_CONTENT (§6.5, C4): exactly the visible nodes of trees without a page source use
     * markers; such a node holds no zero Marker, and each of its {@code ParentContent} markers lies
     * inside its parent window, over an empty slot, and leads to a Page of a hidden ancestor. The
     * model never dedups zero pages, so hidden nodes of those trees hold no Markers either.
     */
    private void checkParentContentMarkers(CowPages n) {
        boolean expected = kernel.config.clones() == CloneFlavour.PARENT_CONTENT
                && !n.hidden
                && n.treeSource == CowPages.Source.NONE;
        if (expected != n.usesParentContentMarkers()) {
            throw broken("marker nodes are the visible nodes of trees without a page source", "node " + n.id);
        }
        boolean markerTree =
                kernel.config.clones() == CloneFlavour.PARENT_CONTENT && n.treeSource == CowPages.Source.NONE;
        if (markerTree) {
            n.pages.forEach((o, s) -> {
                if (s.isMarker()) {
                    throw broken("no zero Markers in a marker tree", "node " + n.id + " offset " + o);
                }
            });
        }
        if (!expected) {
            return;
        }
        Lookup f = new Lookup();
        for (long o : n.parentContent.indices()) {
            if (o >= n.parentLimit || n.pages.get(o) != null) {
                throw broken(
                        "ParentContent markers lie over empty slots inside the parent window",
                        "node " + n.id + " offset " + o + " parentLimit " + n.parentLimit);
            }
            CowTree.walk(n, o, f);
            if (!f.inHiddenAncestor() || f.slot.isMarker()) {
                throw broken("a ParentContent marker leads to a hidden Page", "node " + n.id + " offset " + o);
            }
        }
    }

    /** A hidden entry with shareCount N is seen by exactly N + 1 visible nodes. */
    private void checkShareCounts() {
        Map<Slot, Integer> seenBy = new IdentityHashMap<>();
        for (CowPages n : tree.liveNodes()) {
            if (!n.hidden && n.parent != null && n.parent.hidden) {
                for (CowTree.AncestorEntry e : CowTree.visibleAncestorEntries(n, 0, n.parentLimit)) {
                    seenBy.merge(e.slot(), 1, Integer::sum);
                }
            }
        }
        for (CowPages n : tree.liveNodes()) {
            if (n.hidden) {
                n.pages.forEach((o, s) -> {
                    int viewers = seenBy.getOrDefault(s, 0);
                    if (viewers != s.shareCount + 1) {
                        throw broken(
                                "share counts match reachability",
                                "node " + n.id + " offset " + o + " shareCount " + s.shareCount + " but seen by "
                                        + viewers + " visible nodes");
                    }
                });
            }
        }
    }

    private void checkVmos() {
        for (Vmo v : kernel.vmos.live) {
            if (v.node != null && !tree.liveNodes().contains(v.node)) {
                throw broken("a live VMO views a live node", "koid " + v.koid());
            }
            if (v.parent != null && (!v.parent.alive || !v.parent.children.contains(v))) {
                throw broken("user-visible parent links agree", "koid " + v.koid());
            }
        }
    }

    private void checkHandles() {
        for (Handle h : kernel.handles.all()) {
            if ((h.rights & ~h.ceiling) != 0) {
                throw broken(
                        "no handle wider than its parent's rights",
                        "handle " + HandleTable.hex(h.value) + " has " + Rights.format(h.rights) + " beyond "
                                + Rights.format(h.ceiling));
            }
            if (h.object instanceof Vmo && !((Vmo) h.object).alive) {
                throw broken("handles refer to live objects", "handle " + HandleTable.hex(h.value));
            }
        }
    }
}
