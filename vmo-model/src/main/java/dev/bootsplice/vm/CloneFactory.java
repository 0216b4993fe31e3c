package dev.bootsplice.vm;

import dev.bootsplice.vm.Vmo.ChildType;

/** Copy-on-write children: {@code VmObjectPaged::CreateClone} checks, then the node surgery. */
final class CloneFactory {
    private final Kernel kernel;

    CloneFactory(Kernel kernel) {
        this.kernel = kernel;
    }

    /** Creates a SNAPSHOT / AT_LEAST_ON_WRITE / MODIFIED child (zircon-vm.md §5.4, §5.6, §5.7). */
    Vmo create(Vmo parent, ChildType type, long offset, long sizePages, long requestedSize, boolean resizable) {
        checkCreateClone(parent, offset, sizePages);
        CowPages node = parent.node;
        boolean pagerTree = node.inPagerTree();
        if (parent.isSlice() && !pagerTree) {
            throw ChildFactory.notSupported("copy-on-write child of an anonymous slice");
        }
        long nodeOffsetBytes = (parent.windowOffset << 12) + offset;
        if (Ranges.wraps(parent.windowOffset << 12, offset)) {
            throw new ZxException(ZxStatus.ERR_OUT_OF_RANGE, "slice window translation wraps");
        }
        boolean unidirectional = pagerTree && unidirectionalFor(type, node);
        if (!unidirectional && node.pinnedPages > 0) {
            throw new ZxException(ZxStatus.ERR_BAD_STATE, "bidirectional clone of a VMO with pinned pages");
        }
        if (Ranges.wraps(node.rootParentOffsetBytes, nodeOffsetBytes)) {
            throw ChildFactory.invalid("offset accumulated down to the root overflows");
        }
        long offPages = nodeOffsetBytes >>> 12;
        // What the parent VMO shows from the offset on: a slice's window ends at the slice's size.
        long shown = parent.sizePages() - Math.min(offset >>> 12, parent.sizePages());
        long limit = Math.min(sizePages, shown);
        CowPages child = unidirectional
                ? NodeLifecycle.attachUnidirectional(kernel.tree, node, offPages, limit, sizePages)
                : kernel.tree.algorithm.cloneBidirectional(node, offPages, limit, sizePages);
        child.modifiedSnapshot = unidirectional && type == ChildType.MODIFIED;
        child.rootParentOffsetBytes = node.rootParentOffsetBytes + nodeOffsetBytes;
        return kernel.vmos.add(
                pagerTree ? Vmo.Kind.PAGER : Vmo.Kind.ANONYMOUS,
                type,
                child,
                0,
                0,
                resizable,
                false,
                new Vmo.ContentSize(requestedSize));
    }

    /** The order of {@code VmObjectPaged::CreateClone} (§5.6), physical first (it has no clone at all). */
    private static void checkCreateClone(Vmo parent, long offset, long sizePages) {
        if (parent.isPhysical()) {
            throw ChildFactory.notSupported("copy-on-write child of a physical VMO");
        }
        if (parent.isContiguous()) {
            throw ChildFactory.invalid("copy-on-write child of a contiguous VMO");
        }
        if (!Ranges.pageAligned(offset)) {
            throw ChildFactory.invalid("offset " + Ranges.hex(offset) + " not page-aligned");
        }
        if (sizePages > Ranges.MAX_SIZE_PAGES) {
            throw new ZxException(ZxStatus.ERR_OUT_OF_RANGE, "size exceeds MAX_SIZE");
        }
        if (Ranges.wraps(offset, sizePages << 12)) {
            throw new ZxException(ZxStatus.ERR_OUT_OF_RANGE, "offset + size wraps");
        }
        if (parent.cachePolicy != 0) {
            throw new ZxException(ZxStatus.ERR_BAD_STATE, "copy-on-write child of an uncached VMO");
        }
    }

    /** Pager-tree rules of §5.4/§5.7; returns whether the clone is unidirectional. */
    private static boolean unidirectionalFor(ChildType type, CowPages node) {
        switch (type) {
            case SNAPSHOT:
                throw ChildFactory.notSupported("SNAPSHOT of a VMO in a pager tree");
            case AT_LEAST_ON_WRITE:
                return !hiddenAbove(node);
            case MODIFIED:
                if (node.parent != null && !node.children.isEmpty()) {
                    throw ChildFactory.notSupported("SNAPSHOT_MODIFIED of a non-root node with children");
                }
                if (unidirectionalLinksAbove(node) >= 2) {
                    throw ChildFactory.notSupported(
                            "SNAPSHOT_MODIFIED inside an AT_LEAST_ON_WRITE chain longer than 2");
                }
                return node.parent == null;
            default:
                throw new IllegalStateException("not a snapshot type: " + type);
        }
    }

    /** Unidirectional (AT_LEAST_ON_WRITE) links from {@code node} up to its root. */
    private static int unidirectionalLinksAbove(CowPages node) {
        int links = 0;
        for (CowPages n = node; n.parent != null; n = n.parent) {
            links += n.unidirectional ? 1 : 0;
        }
        return links;
    }

    private static boolean hiddenAbove(CowPages node) {
        for (CowPages n = node.parent; n != null; n = n.parent) {
            if (n.hidden) {
                return true;
            }
        }
        return false;
    }
}
