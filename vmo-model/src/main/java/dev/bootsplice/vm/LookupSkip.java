package dev.bootsplice.vm;

import java.util.ArrayList;
import java.util.List;

/**
 * Lookup shortcuts over runs of page-less hidden ancestors (a LEGACY_CHAIN BOOTFS chain is tens of
 * thousands of them): a node's skip says where §7.1's walk from it lands after passing every
 * consecutive hidden ancestor that holds no entry, after how many parent links (exactly the hops
 * the walk would count) and with what offset shift, and below which offset every link of the run is
 * open. Skips are read off the real tree, cached per node, recomputed when the {@link TreeVersion}
 * moved, and re-derived link by link by the invariant checker.
 */
final class LookupSkip {
    private LookupSkip() {}

    /** Whether the walk from a child of {@code p} may pass {@code p} without looking at its pages. */
    static boolean passable(CowPages p) {
        return p.hidden && p.parent != null && p.pages.isEmpty();
    }

    /** Makes {@code n}'s skip current; {@code n} has a parent. Iterative: chains are deep. */
    static void refresh(CowPages n) {
        long now = n.version.value();
        if (n.skipVersion == now) {
            return;
        }
        List<CowPages> stale = new ArrayList<>();
        CowPages cur = n;
        stale.add(cur);
        while (passable(cur.parent) && cur.parent.skipVersion != now) {
            cur = cur.parent;
            stale.add(cur);
        }
        for (int i = stale.size() - 1; i >= 0; i--) {
            compute(stale.get(i), now);
        }
    }

    /** The skip of {@code x} from its own link and, when its parent is passable, the parent's (current) skip. */
    private static void compute(CowPages x, long now) {
        CowPages p = x.parent;
        long bound = Math.min(x.parentLimit, p.size - x.parentOffset);
        if (passable(p)) {
            x.skipTarget = p.skipTarget;
            x.skipDelta = x.parentOffset + p.skipDelta;
            x.skipHops = 1 + p.skipHops;
            x.skipBound = Math.min(bound, p.skipBound - x.parentOffset);
        } else {
            x.skipTarget = p;
            x.skipDelta = x.parentOffset;
            x.skipHops = 1;
            x.skipBound = bound;
        }
        x.skipVersion = now;
    }

    /**
     * Re-derives a current skip of {@code x} by walking its {@code skipHops} links one by one;
     * returns null when it matches (or is not current), else what differs. Every node passed must
     * still be passable; the node landed on may have become passable since (it lost its last entry),
     * which only makes the skip shorter than it could be: the walk goes on from there.
     */
    static String verify(CowPages x) {
        if (x.parent == null || x.skipVersion != x.version.value()) {
            return null;
        }
        long delta = 0;
        long bound = Long.MAX_VALUE;
        CowPages cur = x;
        for (int hop = 0; hop < x.skipHops; hop++) {
            if (cur.parent == null || (hop > 0 && !passable(cur))) {
                return "skip of node " + x.id + " passes node " + cur.id + ", which is no page-less hidden node";
            }
            CowPages p = cur.parent;
            bound = Math.min(bound, Math.min(cur.parentLimit, p.size - cur.parentOffset) - delta);
            delta += cur.parentOffset;
            cur = p;
        }
        if (cur != x.skipTarget || delta != x.skipDelta || bound != x.skipBound) {
            return "skip of node " + x.id + " says node " + x.skipTarget.id + " +" + x.skipDelta + " below "
                    + x.skipBound + " after " + x.skipHops + " hops; the tree says node " + cur.id + " +" + delta
                    + " below " + bound;
        }
        return null;
    }
}
