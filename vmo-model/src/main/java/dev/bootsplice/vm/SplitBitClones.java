package dev.bootsplice.vm;

import java.util.ArrayList;
import java.util.List;

/**
 * LEGACY_CHAIN (zircon-vm.md §6.3): every bidirectional clone turns the cloned node into a hidden
 * node with exactly two children; pages of hidden nodes carry split bits.
 */
final class SplitBitClones implements CloneAlgorithm {
    private final CowTree tree;

    SplitBitClones(CowTree tree) {
        this.tree = tree;
    }

    /**
     * <pre>
     *   before:   P -> V{pages}          after:   P -> H{pages} -> [V{}, C{}]
     * </pre>
     */
    @Override
    public CowPages cloneBidirectional(CowPages v, long offset, long limit, long size) {
        CowPages h = NodeLifecycle.insertHiddenParent(tree, v);
        return NodeLifecycle.attachChild(tree, h, offset, limit, size);
    }

    @Override
    public Slot forkFromHidden(CowPages v, long offset, Lookup found) {
        return forkDown(pathUp(v, found.owner), found.slot, found.offset);
    }

    /**
     * Carries {@code target} at {@code offset} of {@code path}'s last node down to its first node,
     * migrating where the page is uni-accessible and copying (setting a split bit) elsewhere. A page
     * migrating through several levels in a row is stored only where it stops (the level that forks
     * it, or the first node): the levels it passes end without it either way, as in the kernel.
     */
    private Slot forkDown(List<CowPages> path, Slot target, long offset) {
        boolean stored = true; // whether target is in path.get(i) at offset
        for (int i = path.size() - 1; i > 0; i--) {
            CowPages cur = path.get(i);
            if (uniAccessible(cur, offset, target)) {
                if (stored) {
                    cur.pages.remove(offset);
                }
                target.clearSharing();
                if (!target.isMarker()) {
                    tree.memory.recordMigrated();
                }
            } else {
                if (!stored) {
                    store(cur, offset, target);
                }
                Slot copy = target.isMarker() ? Slot.marker() : Slot.page(tree.memory.allocateCopy(target.page));
                target.splitBits |= cur.sideBit(path.get(i - 1));
                target = copy;
            }
            stored = false;
            offset -= path.get(i - 1).parentOffset;
        }
        store(path.get(0), offset, target);
        return target;
    }

    private void store(CowPages node, long offset, Slot target) {
        node.pages.put(offset, target);
        if (node.hidden) {
            tree.version.advance(); // a hidden node of a lookup run may have gained its first entry
        }
    }

    /** Whether only one child of hidden {@code h} can still see {@code s} at {@code offset}. */
    static boolean uniAccessible(CowPages h, long offset, Slot s) {
        return s.splitBits != 0
                || !h.children.get(0).windowContains(offset)
                || !h.children.get(1).windowContains(offset);
    }

    @Override
    public void releaseView(CowPages v, long offset, Lookup found) {
        CowPages parent = v.parent;
        long parentOffset = offset + v.parentOffset;
        Slot target = found.slot;
        if (found.owner != parent) {
            target = forkDown(pathUp(parent, found.owner), found.slot, found.offset);
        }
        if (uniAccessible(parent, parentOffset, target)) {
            tree.dropEntry(parent, parentOffset);
        } else {
            target.splitBits |= parent.sideBit(v);
        }
    }

    @Override
    public void releaseDyingView(CowPages v) {
        // Split bits need no update on death: the merge of the parent frees what no one sees.
    }

    @Override
    public void releaseViewBeyond(CowPages v, long from) {
        // Lowering parentLimit makes those pages uni-accessible; merges free them later.
    }

    /** The nodes from {@code from} up to {@code to}, both included. */
    static List<CowPages> pathUp(CowPages from, CowPages to) {
        List<CowPages> path = new ArrayList<>();
        for (CowPages n = from; ; n = n.parent) {
            path.add(n);
            if (n == to) {
                return path;
            }
        }
    }
}
