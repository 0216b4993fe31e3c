package dev.bootsplice.vm;

/** VMOs that start a tree: anonymous, pager-backed, physical and contiguous (zircon-vm.md §5.1, §13). */
final class RootFactory {
    private final Kernel kernel;

    RootFactory(Kernel kernel) {
        this.kernel = kernel;
    }

    /** {@code zx_vmo_create}: options decoded by clearing each known bit. */
    int anonymous(long size, int options) {
        int opts = options;
        boolean resizable = (opts & VmoOptions.RESIZABLE) != 0;
        opts &= ~VmoOptions.RESIZABLE;
        boolean discardable = (opts & VmoOptions.DISCARDABLE) != 0;
        opts &= ~VmoOptions.DISCARDABLE;
        boolean unbounded = (opts & VmoOptions.UNBOUNDED) != 0;
        opts &= ~VmoOptions.UNBOUNDED;
        if (opts != 0) {
            throw new ZxException(ZxStatus.ERR_INVALID_ARGS, "unknown option bits 0x" + Integer.toHexString(opts));
        }
        if (resizable && (discardable || unbounded)) {
            throw new ZxException(ZxStatus.ERR_INVALID_ARGS, "RESIZABLE with DISCARDABLE or UNBOUNDED");
        }
        long pages = unbounded ? Ranges.MAX_SIZE_PAGES : Ranges.sizeInPages(size);
        CowPages node = kernel.tree.newNode(CowPages.Source.NONE, pages);
        Vmo vmo = kernel.vmos.add(
                Vmo.Kind.ANONYMOUS, Vmo.ChildType.NONE, node, 0, 0, resizable, discardable, new Vmo.ContentSize(size));
        return kernel.handles.add(vmo, Rights.DEFAULT_VMO | (resizable ? Rights.RESIZE : 0));
    }

    /** {@code zx_pager_create_vmo}: a root whose absent pages come from the user pager. */
    int pagerBacked(long size, int options) {
        int opts = options & ~(VmoOptions.RESIZABLE | VmoOptions.TRAP_DIRTY);
        if (opts != 0) {
            throw new ZxException(ZxStatus.ERR_INVALID_ARGS, "unknown option bits 0x" + Integer.toHexString(opts));
        }
        boolean resizable = (options & VmoOptions.RESIZABLE) != 0;
        CowPages node = kernel.tree.newNode(CowPages.Source.PAGER, Ranges.sizeInPages(size));
        Vmo vmo = kernel.vmos.add(
                Vmo.Kind.PAGER, Vmo.ChildType.NONE, node, 0, 0, resizable, false, new Vmo.ContentSize(size));
        return kernel.handles.add(vmo, Rights.DEFAULT_VMO | (resizable ? Rights.RESIZE : 0));
    }

    /** {@code zx_vmo_create_physical}: device memory, no page list. */
    int physical(long size) {
        Vmo vmo = kernel.vmos.add(
                Vmo.Kind.PHYSICAL,
                Vmo.ChildType.NONE,
                null,
                0,
                Ranges.sizeInPages(size),
                false,
                false,
                new Vmo.ContentSize(size));
        return kernel.handles.add(vmo, Rights.DEFAULT_VMO);
    }

    /** {@code zx_vmo_create_contiguous}: every page allocated at creation; all or nothing. */
    int contiguous(long size, int alignmentLog2) {
        if (size == 0) {
            throw new ZxException(ZxStatus.ERR_INVALID_ARGS, "contiguous VMO of size 0");
        }
        int align = alignmentLog2 == 0 ? 12 : alignmentLog2;
        if (align < 12 || align >= 64) {
            throw new ZxException(ZxStatus.ERR_INVALID_ARGS, "alignment_log2 " + alignmentLog2);
        }
        long pages = Ranges.sizeInPages(size);
        CowPages node = kernel.tree.newNode(CowPages.Source.CONTIGUOUS, pages);
        try {
            for (long i = 0; i < pages; i++) {
                node.pages.put(i, Slot.page(kernel.memory.allocateZeroed()));
            }
        } catch (ZxException e) {
            node.pages.forEach((o, s) -> kernel.tree.freeIfPage(s));
            kernel.tree.forget(node);
            throw e;
        }
        Vmo vmo = kernel.vmos.add(
                Vmo.Kind.CONTIGUOUS, Vmo.ChildType.NONE, node, 0, 0, false, false, new Vmo.ContentSize(size));
        return kernel.handles.add(vmo, Rights.DEFAULT_VMO);
    }
}
