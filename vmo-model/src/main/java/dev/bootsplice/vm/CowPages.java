package dev.bootsplice.vm;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of a copy-on-write tree (Zircon's {@code VmCowPages}): a page list plus where the node
 * sits inside its parent. All offsets and sizes are in pages.
 *
 * <p>Visible nodes back user VMOs (slices and references share their parent's node); hidden nodes
 * are immutable stores shared by two or more descendants.
 */
final class CowPages {
    enum Source {
        NONE,
        PAGER,
        CONTIGUOUS
    }

    /** Identifies the node in tree dumps; unique per kernel. */
    final long id;
    /** Only roots have a source. */
    final Source source;
    /** The source of this node's tree root; fixed for the tree's life (roots with a source never merge away). */
    final Source treeSource;

    PageList pages = new PageList();
    /**
     * PARENT_CONTENT, visible nodes of a tree whose root has no page source only (else null): the
     * offsets holding a {@code ParentContent} marker, i.e. where an ancestor holds content this node
     * sees (zircon-vm.md §6.5 PC2). Kept apart from {@link #pages} so that a marker never reads as
     * content or as a zero Marker; every entry is {@link #PARENT_CONTENT}.
     */
    PageList parentContent;
    /** Node size in pages; {@code parentLimit <= size}. */
    long size;

    CowPages parent;
    /** Where offset 0 of this node sits in the parent. */
    long parentOffset;
    /** Offsets {@code >= parentLimit} do not reach the parent. */
    long parentLimit;
    /** Sum of byte offsets from the root down to this node; never wraps (INVALID_ARGS at creation). */
    long rootParentOffsetBytes;
    /** Child nodes; in LEGACY_CHAIN a hidden node has exactly two (index 0 = left, 1 = right). */
    final List<CowPages> children = new ArrayList<>(2);

    boolean hidden;
    /** True for an AT_LEAST_ON_WRITE / MODIFIED child attached without a hidden node (pager trees). */
    boolean unidirectional;
    /** True when created as a unidirectional SNAPSHOT_MODIFIED child (pre-forked by RFC transfers). */
    boolean modifiedSnapshot;
    /** The VMO that created this node, for dumps; null for hidden nodes and after it died. */
    Vmo owner;
    /** Live VMOs (the owner, its slices and references) whose view is this node. */
    int vmoRefs;
    /** Pages of this node with a pin count above zero. */
    long pinnedPages;
    /** The forest's structural version, shared by every node of one kernel. */
    final TreeVersion version;
    /** {@link LookupSkip}: the version this node's skip was computed at (-1: never). */
    long skipVersion = -1;
    /** {@link LookupSkip}: where the walk lands past the run of hidden ancestors. */
    CowPages skipTarget;
    /** {@link LookupSkip}: offset shift from this node to {@link #skipTarget}. */
    long skipDelta;
    /** {@link LookupSkip}: offsets below this pass every link of the run. */
    long skipBound;
    /** {@link LookupSkip}: parent links in the run. */
    int skipHops;
    /** {@link LookupSkip}: sorted offsets of {@link #skipTarget} where a node of the run holds an entry. */
    long[] skipHoles;

    /** The entry stored in every {@link #parentContent} list; never in {@link #pages}. */
    static final Slot PARENT_CONTENT = Slot.marker();

    CowPages(long id, Source source, Source treeSource, long size, TreeVersion version) {
        this.id = id;
        this.source = source;
        this.treeSource = treeSource;
        this.size = size;
        this.version = version;
    }

    /** The root of this node's tree. */
    CowPages root() {
        CowPages n = this;
        while (n.parent != null) {
            n = n.parent;
        }
        return n;
    }

    /** Whether the tree's root has a user pager as its page source. */
    boolean inPagerTree() {
        return treeSource == Source.PAGER;
    }

    /**
     * {@code node_has_parent_content_markers()}: an empty slot reads zero, a {@code ParentContent}
     * marker sends the lookup up (PC1, misttech/fuchsia {@code vm_cow_pages.h}).
     */
    boolean usesParentContentMarkers() {
        return parentContent != null;
    }

    /** Whether this node has a {@code ParentContent} marker at {@code o}. */
    boolean hasParentContent(long o) {
        return parentContent != null && parentContent.get(o) != null;
    }

    /** Whether offset {@code o} of the parent falls inside this node's window. */
    boolean windowContains(long o) {
        return o >= parentOffset && o - parentOffset < parentLimit;
    }

    /** LEGACY_CHAIN: the split bit of {@code child}'s side of this hidden node. */
    int sideBit(CowPages child) {
        return children.get(0) == child ? Slot.LEFT_SPLIT : Slot.RIGHT_SPLIT;
    }

    /** Structural depth: parent links from this node to the root. */
    int depth() {
        int d = 0;
        for (CowPages n = parent; n != null; n = n.parent) {
            d++;
        }
        return d;
    }

    /** Replaces {@code old} by {@code replacement} at the same position among the children. */
    void replaceChild(CowPages old, CowPages replacement) {
        int i = indexOfChild(old);
        children.set(i, replacement);
    }

    void removeChild(CowPages child) {
        children.remove(indexOfChild(child));
    }

    private int indexOfChild(CowPages child) {
        // From the back: the newest children tend to die first, which keeps wide nodes cheap.
        for (int i = children.size() - 1; i >= 0; i--) {
            if (children.get(i) == child) {
                return i;
            }
        }
        throw new IllegalStateException("node " + child.id + " is not a child of node " + id);
    }
}
