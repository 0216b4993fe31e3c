package dev.bootsplice.vm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lookup shortcuts over runs of hidden ancestors (a LEGACY_CHAIN BOOTFS chain is tens of thousands of
 * them): a node's skip says where §7.1's walk from it lands after passing a run of consecutive hidden
 * ancestors, after how many parent links (exactly the hops the walk would count) and with what offset
 * shift, below which offset every link of the run is open, and at which offsets (its holes, in the
 * landing node's offsets) some node of the run holds an entry, where the walk must stop earlier. A
 * hidden node with a few entries stays passable for every other offset: after the splicer sets each
 * file's content size, every level of the chain holds its own file's forked tail page
 * ({@code CloneCowPageLocked} migrates it down to there), which no other file's lookup can see.
 * Skips are read off the real tree, cached per node, recomputed when the {@link TreeVersion} moved,
 * and re-derived link by link by the invariant checker.
 */
final class LookupSkip {
    /** At most this many holes per skip (a run stops earlier rather than carry more). */
    static final int MAX_HOLES = 32;

    private static final long[] NO_HOLES = new long[0];

    private LookupSkip() {}

    /** Whether the walk from a child of {@code p} may pass {@code p} at offsets where it holds no entry. */
    static boolean passable(CowPages p) {
        return p.hidden && p.parent != null && p.pages.size() <= MAX_HOLES;
    }

    /** Whether {@code n}'s current skip applies at its offset {@code o}: inside the bound and not a hole. */
    static boolean applies(CowPages n, long o) {
        return o < n.skipBound && (n.skipHoles.length == 0 || Arrays.binarySearch(n.skipHoles, o + n.skipDelta) < 0);
    }

    /** Whether {@code n}'s skip is current (a writer uses it then, without recomputing it). */
    static boolean current(CowPages n) {
        return n.skipVersion == n.version.value();
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

    /**
     * The skip of {@code x} from its own link and, when its parent is passable and the holes stay
     * few, the parent's (current) skip plus the parent's own entries as holes.
     */
    private static void compute(CowPages x, long now) {
        CowPages p = x.parent;
        long bound = Math.min(x.parentLimit, p.size - x.parentOffset);
        if (passable(p) && p.skipHoles.length + p.pages.size() <= MAX_HOLES) {
            x.skipTarget = p.skipTarget;
            x.skipDelta = x.parentOffset + p.skipDelta;
            x.skipHops = 1 + p.skipHops;
            x.skipBound = Math.min(bound, p.skipBound - x.parentOffset);
            x.skipHoles = withEntriesOf(p);
        } else {
            x.skipTarget = p;
            x.skipDelta = x.parentOffset;
            x.skipHops = 1;
            x.skipBound = bound;
            x.skipHoles = NO_HOLES;
        }
        x.skipVersion = now;
    }

    /** {@code p}'s holes and its own entries, in the landing node's offsets, sorted. */
    private static long[] withEntriesOf(CowPages p) {
        if (p.pages.isEmpty()) {
            return p.skipHoles;
        }
        long[] own = p.pages.indices();
        long[] holes = Arrays.copyOf(p.skipHoles, p.skipHoles.length + own.length);
        for (int i = 0; i < own.length; i++) {
            holes[p.skipHoles.length + i] = own[i] + p.skipDelta;
        }
        Arrays.sort(holes);
        return holes;
    }

    /**
     * Re-derives a current skip of {@code x} by walking its {@code skipHops} links one by one;
     * returns null when it matches (or is not current), else what differs. Every node passed must
     * be hidden, and each of its entries must be a hole; a hole whose entry has gone since (a hidden
     * node lost an entry) only makes the walk stop where it need not, and the walk goes on from there.
     */
    static String verify(CowPages x) {
        if (x.parent == null || !current(x)) {
            return null;
        }
        long delta = 0;
        long bound = Long.MAX_VALUE;
        List<CowPages> passed = new ArrayList<>();
        List<Long> deltas = new ArrayList<>();
        CowPages cur = x;
        for (int hop = 0; hop < x.skipHops; hop++) {
            if (cur.parent == null || (hop > 0 && !cur.hidden)) {
                return "skip of node " + x.id + " passes node " + cur.id + ", which is no hidden node";
            }
            if (hop > 0) {
                passed.add(cur);
                deltas.add(delta);
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
        return missingHole(x, passed, deltas, delta);
    }

    /** An entry of a passed node that is no hole of {@code x}'s skip, or null. */
    private static String missingHole(CowPages x, List<CowPages> passed, List<Long> deltas, long total) {
        for (int i = 0; i < passed.size(); i++) {
            for (long o : passed.get(i).pages.indices()) {
                long landing = o + total - deltas.get(i);
                if (Arrays.binarySearch(x.skipHoles, landing) < 0) {
                    return "skip of node " + x.id + " passes node " + passed.get(i).id + ", whose entry at " + o
                            + " is no hole";
                }
            }
        }
        return null;
    }
}
