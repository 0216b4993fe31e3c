package dev.bootsplice.vm;

/** {@code zx_vmo_op_range} COMMIT / DECOMMIT / ZERO and {@code zx_vmo_set_size} (zircon-vm.md §11, §12). */
final class RangeOps {
    private static final long PAGE = PhysicalMemory.PAGE_SIZE;
    private final Kernel kernel;

    RangeOps(Kernel kernel) {
        this.kernel = kernel;
    }

    void opRange(Vmo vmo, int rights, int op, long offset, long size) {
        switch (op) {
            case VmoOptions.OP_COMMIT:
                requireWrite(rights);
                commit(vmo, offset, size);
                return;
            case VmoOptions.OP_DECOMMIT:
                requireWrite(rights);
                decommit(vmo, offset, size);
                return;
            case VmoOptions.OP_ZERO:
                requireWrite(rights);
                zero(vmo, offset, size);
                return;
            case VmoOptions.OP_LOCK:
            case VmoOptions.OP_UNLOCK:
            case VmoOptions.OP_TRY_LOCK:
            case VmoOptions.OP_CACHE_SYNC:
            case VmoOptions.OP_CACHE_INVALIDATE:
            case VmoOptions.OP_CACHE_CLEAN:
            case VmoOptions.OP_CACHE_CLEAN_INVALIDATE:
            case VmoOptions.OP_DONT_NEED:
            case VmoOptions.OP_ALWAYS_NEED:
            case VmoOptions.OP_PREFETCH:
                throw new ZxException(ZxStatus.ERR_NOT_SUPPORTED, "op " + op + " is outside the model");
            default:
                throw new ZxException(ZxStatus.ERR_INVALID_ARGS, "unknown op " + op);
        }
    }

    private static void requireWrite(int rights) {
        if ((rights & Rights.WRITE) == 0) {
            throw new ZxException(ZxStatus.ERR_ACCESS_DENIED, "op needs WRITE");
        }
    }

    /** Widens to page boundaries; every page becomes owned by this VMO. A partial commit stays. */
    private void commit(Vmo vmo, long offset, long size) {
        if (vmo.isPhysical()) {
            throw new ZxException(ZxStatus.ERR_NOT_SUPPORTED, "commit of a physical VMO");
        }
        if (!Ranges.inRange(offset, size, vmo.sizeBytes())) {
            throw Ranges.outOfRange("commit", offset, size, vmo.sizeBytes());
        }
        if (size == 0) {
            return;
        }
        long first = offset >>> 12;
        long end = (offset + size - 1) / PAGE + 1;
        for (long i = first; i < end; i++) {
            kernel.tree.forkForWrite(vmo.node, vmo.windowOffset + i);
        }
    }

    /** The checks of §11 DECOMMIT in order, then frees the pages. */
    private void decommit(Vmo vmo, long offset, long size) {
        if (vmo.isPhysical()) {
            throw new ZxException(ZxStatus.ERR_NOT_SUPPORTED, "decommit of a physical VMO");
        }
        if (vmo.isContiguous()) {
            throw new ZxException(ZxStatus.ERR_NOT_SUPPORTED, "decommit of a contiguous VMO");
        }
        if (vmo.isSlice() && !Ranges.inRange(offset, size, vmo.sizeBytes())) {
            throw Ranges.outOfRange("decommit", offset, size, vmo.sizeBytes());
        }
        long len = trimRange(offset, size, vmo.sizeBytes());
        if (len == 0) {
            return;
        }
        CowPages node = vmo.node;
        if (node.parent != null || node.source != CowPages.Source.NONE) {
            throw new ZxException(ZxStatus.ERR_NOT_SUPPORTED, "decommit of a copy-on-write or pager-backed VMO");
        }
        if (!Ranges.pageAligned(offset) || !Ranges.pageAligned(size)) {
            throw new ZxException(ZxStatus.ERR_INVALID_ARGS, "decommit range not page-aligned");
        }
        long first = vmo.windowOffset + (offset >>> 12);
        long count = len >>> 12;
        if (Pinning.anyPinned(node, first, count)) {
            throw new ZxException(ZxStatus.ERR_BAD_STATE, "decommit over a pinned page");
        }
        for (long i : node.pages.indicesInRange(first, first + count)) {
            kernel.tree.freeIfPage(node.pages.remove(i));
        }
    }

    /** {@code TrimRange}: OUT_OF_RANGE when the sum wraps or {@code offset > max}; else the length cut at {@code max}. */
    private static long trimRange(long offset, long size, long max) {
        if (Ranges.wraps(offset, size) || Long.compareUnsigned(offset, max) > 0) {
            throw Ranges.outOfRange("decommit", offset, size, max);
        }
        return Long.compareUnsigned(offset + size, max) > 0 ? max - offset : size;
    }

    /** §11 ZERO (also VmObject::ZeroRange for content sizes): partial pages zeroed in place, whole pages freed or replaced by markers. */
    void zero(Vmo vmo, long offset, long size) {
        if (vmo.isPhysical()) {
            throw new ZxException(ZxStatus.ERR_NOT_SUPPORTED, "zero of a physical VMO");
        }
        if (vmo.cachePolicy != 0) {
            throw new ZxException(ZxStatus.ERR_BAD_STATE, "zero of an uncached VMO");
        }
        if (!Ranges.inRange(offset, size, vmo.sizeBytes())) {
            throw Ranges.outOfRange("zero", offset, size, vmo.sizeBytes());
        }
        if (size == 0) {
            return;
        }
        long end = offset + size;
        long firstWhole = (offset + PAGE - 1) / PAGE;
        long endWhole = end / PAGE;
        if (firstWhole > endWhole) {
            zeroPartial(vmo, offset, end);
            return;
        }
        zeroPartial(vmo, offset, firstWhole * PAGE);
        zeroPartial(vmo, endWhole * PAGE, end);
        CowPages node = vmo.node;
        long first = vmo.windowOffset + firstWhole;
        long last = vmo.windowOffset + endWhole;
        for (long i = first; i < last; i++) {
            zeroWholePage(node, i);
        }
        if (node.parent != null && last >= node.parentLimit && first < node.parentLimit) {
            lowerParentLimit(node, first);
        }
    }

    private void zeroPartial(Vmo vmo, long from, long to) {
        if (from >= to) {
            return;
        }
        long page = vmo.windowOffset + (from >>> 12);
        // One walk serves both the "already reads zero" test (as VmoIo.peek) and the fork.
        Lookup f = new Lookup();
        CowTree.lookUpForWrite(vmo.node, page, f);
        if (f.slot == null ? !f.pagerRequest : f.slot.isMarker()) {
            return;
        }
        Slot s = f.slot != null && f.owner == vmo.node ? f.slot : kernel.tree.forkFound(vmo.node, page, f);
        java.util.Arrays.fill(
                s.page, (int) (from & (PAGE - 1)), (int) (from & (PAGE - 1)) + (int) (to - from), (byte) 0);
    }

    private void zeroWholePage(CowPages node, long i) {
        Slot own = node.pages.get(i);
        boolean inPlace =
                own != null && !own.isMarker() && (own.isPinned() || node.source == CowPages.Source.CONTIGUOUS);
        if (inPlace) {
            java.util.Arrays.fill(own.page, (byte) 0);
        } else {
            kernel.tree.zeroWrite(node, i);
        }
    }

    /**
     * The zeroed range reaches {@code parentLimit}: markers there are no longer needed, so they go
     * and the limit drops to {@code from} (like a shrink). Their views were released already.
     */
    private static void lowerParentLimit(CowPages node, long from) {
        for (long i : node.pages.indicesInRange(from, node.parentLimit)) {
            if (node.pages.get(i).isMarker()) {
                node.pages.remove(i);
            }
        }
        node.parentLimit = from;
        node.version.advance();
    }

    /** §12/§5.7: the policy may change only while nothing is committed, pinned or related. */
    static void setCachePolicy(Vmo vmo, int policy) {
        if ((policy & ~CACHE_POLICY_MASK) != 0) {
            throw new ZxException(ZxStatus.ERR_INVALID_ARGS, "unknown cache policy " + policy);
        }
        CowPages node = vmo.node;
        boolean busy = node != null
                && (!node.pages.isEmpty()
                        || node.pinnedPages > 0
                        || node.parent != null
                        || !node.children.isEmpty()
                        || node.vmoRefs > 1);
        if (busy || vmo.parent != null || !vmo.children.isEmpty()) {
            throw new ZxException(ZxStatus.ERR_BAD_STATE, "cache policy of a VMO with pages, pins or relatives");
        }
        vmo.cachePolicy = policy;
    }

    /** ZX_CACHE_POLICY_MASK: CACHED, UNCACHED, UNCACHED_DEVICE, WRITE_COMBINING. */
    private static final int CACHE_POLICY_MASK = 3;

    void setSize(Vmo vmo, long size) {
        if (!vmo.resizable) {
            throw new ZxException(ZxStatus.ERR_UNAVAILABLE, "VMO is not resizable");
        }
        long pages = Ranges.sizeInPages(size);
        CowPages node = vmo.node;
        if (pages < node.size && Pinning.anyPinned(node, pages, node.size - pages)) {
            throw new ZxException(ZxStatus.ERR_BAD_STATE, "shrink would discard a pinned page");
        }
        NodeLifecycle.resize(kernel.tree, node, pages);
        long tail = size & (PAGE - 1);
        if (tail != 0) {
            zeroPartial(vmo, size, Ranges.roundSize(size));
        }
        vmo.contentSize.bytes = size;
    }
}
