package dev.bootsplice.vm;

/** Structural changes of the node tree: inserting hidden nodes, attaching clones, death and merges. */
final class NodeLifecycle {
    private NodeLifecycle() {}

    /**
     * Moves {@code v}'s pages into a new hidden node that takes {@code v}'s place in the tree;
     * {@code v} keeps its identity (so slices and references sharing it need no update).
     * <pre>
     *   before:  P -> V{pages}            after:  P -> H{pages} -> [V{}]
     * </pre>
     */
    static CowPages insertHiddenParent(CowTree tree, CowPages v) {
        CowPages h = tree.newHiddenNode(v, v.size);
        h.pages = v.pages;
        v.pages = new PageList();
        h.parent = v.parent;
        h.parentOffset = v.parentOffset;
        h.parentLimit = v.parentLimit;
        h.rootParentOffsetBytes = v.rootParentOffsetBytes;
        h.unidirectional = v.unidirectional;
        if (v.parent != null) {
            v.parent.replaceChild(v, h);
        }
        v.parent = h;
        v.parentOffset = 0;
        v.parentLimit = v.size;
        v.unidirectional = false;
        h.children.add(v);
        tree.version.advance();
        return h;
    }

    /** Creates a visible node of {@code size} pages under {@code parent} seeing {@code [offset, offset+limit)}. */
    static CowPages attachChild(CowTree tree, CowPages parent, long offset, long limit, long size) {
        CowPages c = tree.newNodeIn(parent, size);
        c.parent = parent;
        c.parentOffset = offset;
        c.parentLimit = Math.min(size, limit);
        c.rootParentOffsetBytes = parent.rootParentOffsetBytes + offset * PhysicalMemory.PAGE_SIZE;
        parent.children.add(c);
        tree.version.advance();
        return c;
    }

    /**
     * A unidirectional clone (§6.6): hangs under the highest visible ancestor that gives the same
     * view, with no hidden node.
     */
    static CowPages attachUnidirectional(CowTree tree, CowPages v, long offset, long limit, long size) {
        CowPages cur = v;
        long off = offset;
        long lim = limit;
        while (cur.parent != null && !cur.parent.hidden && !cur.pages.anyInRange(off, off + lim)) {
            lim = Math.max(0, Math.min(off + lim, cur.parentLimit) - off);
            off += cur.parentOffset;
            lim = Math.max(0, Math.min(off + lim, cur.parent.size) - off);
            cur = cur.parent;
        }
        CowPages c = attachChild(tree, cur, off, lim, size);
        c.unidirectional = true;
        return c;
    }

    /**
     * Releases a node no VMO views any more. A node with (unidirectional) children stays as a dead
     * visible node until they go. Walks up iteratively: no recursion, however long the chain.
     */
    static void releaseNode(CowTree tree, CowPages x) {
        x.owner = null;
        CowPages n = x;
        while (n.children.isEmpty()) {
            if (!n.hidden) {
                tree.algorithm.releaseDyingView(n);
            }
            freeAll(tree, n);
            CowPages p = n.parent;
            tree.forget(n);
            if (p == null) {
                return;
            }
            int survivorBit = p.hidden && p.children.size() == 2
                    ? p.sideBit(p.children.get(0) == n ? p.children.get(1) : p.children.get(0))
                    : 0;
            p.removeChild(n);
            n.parent = null;
            tree.version.advance();
            if (p.hidden && p.children.size() == 1) {
                mergeIntoSurvivor(tree, p, p.children.get(0), survivorBit);
                return;
            }
            if (p.hidden ? !p.children.isEmpty() : (p.vmoRefs > 0 || !p.children.isEmpty())) {
                return;
            }
            n = p;
        }
    }

    private static void freeAll(CowTree tree, CowPages n) {
        n.pages.forEach((o, s) -> tree.freeIfPage(s));
        n.pages = new PageList();
    }

    /**
     * Splices hidden {@code h}, left with the single child {@code s}, out of the tree; pages that
     * {@code s} can still see move into it, every other page is freed (§6.3 death of a child).
     * <pre>
     *   before:  G -> H{pages} -> [S]      after:  G -> S{own pages + visible pages of H}
     * </pre>
     */
    static void mergeIntoSurvivor(CowTree tree, CowPages h, CowPages s, int survivorBit) {
        if (s.parentOffset == 0 && s.pages.size() < h.pages.size()) {
            mergeBySwapping(tree, h, s, survivorBit);
        } else {
            mergeByMoving(tree, h, s, survivorBit);
        }
        dropSatisfiedMarkers(s);
        s.parentLimit = h.parent == null ? 0 : Math.max(0, Math.min(s.parentLimit, h.parentLimit - s.parentOffset));
        s.parentOffset = h.parent == null ? 0 : s.parentOffset + h.parentOffset;
        s.parent = h.parent;
        s.unidirectional = h.unidirectional;
        if (h.parent != null) {
            h.parent.replaceChild(h, s);
        }
        h.parent = null;
        h.children.clear();
        tree.forget(h);
        tree.version.advance();
    }

    /** Moves every page of {@code h} that {@code s} can see into {@code s}; frees the rest. */
    private static void mergeByMoving(CowTree tree, CowPages h, CowPages s, int survivorBit) {
        PageList hp = h.pages;
        for (long o : hp.indices()) {
            Slot t = hp.get(o);
            if (visibleToSurvivor(h, o, t, s, survivorBit)) {
                t.splitBits = 0;
                s.pages.put(o - s.parentOffset, t);
            } else {
                tree.freeIfPage(t);
            }
        }
        h.pages = new PageList();
    }

    /**
     * The same result when {@code s} sits at offset 0 and owns fewer entries than {@code h}: drop
     * what {@code s} cannot see from {@code h}'s list, lay {@code s}'s own entries over it (they win),
     * and hand the list to {@code s}, so a large hidden node is not re-inserted entry by entry.
     */
    private static void mergeBySwapping(CowTree tree, CowPages h, CowPages s, int survivorBit) {
        PageList hp = h.pages;
        for (long o : hp.indices()) {
            Slot t = hp.get(o);
            if (visibleToSurvivor(h, o, t, s, survivorBit)) {
                t.splitBits = 0;
            } else {
                tree.freeIfPage(hp.remove(o));
            }
        }
        for (long o : s.pages.indices()) {
            Slot own = s.pages.get(o);
            Slot hidden = hp.put(o, own);
            if (hidden != null) {
                tree.freeIfPage(hidden);
            }
        }
        s.pages = hp;
        h.pages = new PageList();
    }

    /**
     * Whether {@code s} sees entry {@code t} of {@code h} at {@code o}: inside its window, not split
     * away, not shadowed by its own entry, and, for a marker node, behind one of its
     * {@code ParentContent} markers (§6.5 PC8: an empty slot there reads zero, so the page is freed).
     */
    private static boolean visibleToSurvivor(CowPages h, long o, Slot t, CowPages s, int survivorBit) {
        return s.windowContains(o)
                && (t.splitBits & survivorBit) == 0
                && s.pages.get(o - s.parentOffset) == null
                && (!s.usesParentContentMarkers() || s.hasParentContent(o - s.parentOffset));
    }

    /** PC8: a page that merged into a marker node replaces its {@code ParentContent} marker. */
    private static void dropSatisfiedMarkers(CowPages s) {
        if (!s.usesParentContentMarkers()) {
            return;
        }
        for (long o : s.parentContent.indices()) {
            if (s.pages.get(o) != null) {
                s.parentContent.remove(o);
            }
        }
    }

    /**
     * Resizes a node: shrinking frees entries past the end and stops the parent showing through
     * there; growing adds pages that read zero.
     */
    static void resize(CowTree tree, CowPages n, long newSize) {
        if (newSize < n.size) {
            for (long o : n.pages.indicesInRange(newSize, Long.MAX_VALUE)) {
                tree.freeIfPage(n.pages.remove(o));
            }
            if (n.parentLimit > newSize) {
                tree.algorithm.releaseViewBeyond(n, newSize);
                n.parentLimit = newSize;
            }
        }
        n.size = newSize;
        tree.version.advance();
    }
}
