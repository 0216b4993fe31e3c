package dev.bootsplice.vm;

/**
 * {@code zx_vmo_transfer_data} in both profiles (zircon-vm.md §8) and {@code zx_pager_supply_pages}
 * (§10), which share the take/supply machinery in {@link PageMover}.
 */
final class TransferData {
    private final Kernel kernel;
    private final PageMover mover;

    TransferData(Kernel kernel) {
        this.kernel = kernel;
        this.mover = new PageMover(kernel.tree);
    }

    /**
     * The pipeline of §8.3: RFC_0223 runs every check before any page moves; ZIRCON_2024 takes the
     * source between the source and the destination checks, as the shipped kernel does.
     */
    void transfer(int dstHandle, int options, long offset, long length, int srcHandle, long srcOffset) {
        if (options != 0) {
            throw new ZxException(ZxStatus.ERR_INVALID_ARGS, "options must be 0");
        }
        if (!Ranges.pageAligned(offset) || !Ranges.pageAligned(length) || !Ranges.pageAligned(srcOffset)) {
            throw new ZxException(ZxStatus.ERR_INVALID_ARGS, "offset, length and src_offset must be page-aligned");
        }
        Vmo dst = kernel.handles.resolve(dstHandle, Vmo.class, Rights.WRITE);
        Vmo src = kernel.handles.resolve(srcHandle, Vmo.class, Rights.READ | Rights.WRITE);
        boolean rfc = kernel.config.profile() == TransferProfile.RFC_0223;
        if (dst == src) {
            if (rfc) {
                throw new ZxException(ZxStatus.ERR_INVALID_ARGS, "src and dst are the same VMO");
            }
            if (srcOffset == offset) {
                return;
            }
        }
        checkSource(src, srcOffset, length, rfc);
        long n = length >>> 12;
        long srcFirst = src.windowOffset + (srcOffset >>> 12);
        long dstFirst = dst.windowOffset + (offset >>> 12);
        if (!rfc) {
            transferShipped(src, srcFirst, dst, offset, length, dstFirst);
            return;
        }
        if (!checkDestination(dst, offset, length, true) || length == 0) {
            return;
        }
        // Distinct nodes: the same VMO is INVALID_ARGS and a VMO with slices or references has children.
        mover.movePageByPage(src.node, srcFirst, dst.node, dstFirst, n, true);
    }

    /**
     * ZIRCON_2024 exactly as shipped (misttech/mist-os {@code zircon/kernel/lib/syscalls/vmo.cc}
     * {@code sys_vmo_transfer_data} @233c06af): {@code src->TakePages()} runs before
     * {@code dst->SupplyPages()} checks anything, so a destination-side error (D1–D6) or NO_MEMORY
     * while supplying returns with the source range already taken; the taken pages are then freed
     * by the stack {@code VmPageSpliceList}'s destructor ({@code vm_page_list.cc} {@code FreeAllPages}).
     */
    private void transferShipped(Vmo src, long srcFirst, Vmo dst, long offset, long length, long dstFirst) {
        long n = length >>> 12;
        PageList taken = n == 0 ? new PageList() : mover.takeShipped(src.node, srcFirst, n);
        try {
            if (checkDestination(dst, offset, length, false)) {
                mover.supplyShipped(dst.node, dstFirst, n, taken);
            }
        } catch (ZxException e) {
            mover.freeTaken(taken);
            throw e;
        }
    }

    /** Steps S1–S7. */
    private void checkSource(Vmo src, long srcOffset, long length, boolean rfc) {
        if (src.isPhysical() || src.isContiguous()) {
            throw new ZxException(ZxStatus.ERR_NOT_SUPPORTED, "source is physical or contiguous");
        }
        if (src.isSlice() && !Ranges.inRange(srcOffset, length, src.sizeBytes())) {
            throw Ranges.outOfRange("source slice window", srcOffset, length, src.sizeBytes());
        }
        if (length == 0 && !rfc) {
            return;
        }
        if (!Ranges.inRange(srcOffset + (src.windowOffset << 12), length, src.node.size << 12)) {
            throw Ranges.outOfRange("source range", srcOffset, length, src.sizeBytes());
        }
        if (rfc && src.isPagerBacked()) {
            throw new ZxException(ZxStatus.ERR_BAD_STATE, "source is pager-backed");
        }
        if (!rfc && src.nodeHasPagerSource()) {
            throw new ZxException(ZxStatus.ERR_NOT_SUPPORTED, "source node has a page source");
        }
        if (rfc && (src.parent != null || !src.children.isEmpty())) {
            throw new ZxException(ZxStatus.ERR_BAD_STATE, "source has a parent or children");
        }
        if (Pinning.anyPinned(src.node, src.windowOffset + (srcOffset >>> 12), length >>> 12)) {
            throw new ZxException(ZxStatus.ERR_BAD_STATE, "pinned page in the source range");
        }
    }

    /** Steps D1–D6; returns false when ZIRCON_2024 stops with OK at D3. */
    private boolean checkDestination(Vmo dst, long offset, long length, boolean rfc) {
        if (dst.isPhysical() || dst.isContiguous()) {
            throw new ZxException(ZxStatus.ERR_NOT_SUPPORTED, "destination is physical or contiguous");
        }
        if (dst.isSlice() && !Ranges.inRange(offset, length, dst.sizeBytes())) {
            throw Ranges.outOfRange("destination slice window", offset, length, dst.sizeBytes());
        }
        if (length == 0 && !rfc) {
            return false;
        }
        if (!Ranges.inRange(offset + (dst.windowOffset << 12), length, dst.node.size << 12)) {
            throw Ranges.outOfRange("destination range", offset, length, dst.sizeBytes());
        }
        if (!rfc && dst.nodeHasPagerSource()) {
            throw new ZxException(ZxStatus.ERR_NOT_SUPPORTED, "destination node has a page source");
        }
        if (Pinning.anyPinned(dst.node, dst.windowOffset + (offset >>> 12), length >>> 12)) {
            throw new ZxException(ZxStatus.ERR_BAD_STATE, "pinned page in the destination range");
        }
        return true;
    }

    /** {@code zx_pager_supply_pages} checks of §10, validating the pager VMO before taking anything. */
    void supplyPages(int pagerVmoHandle, long offset, long length, int auxHandle, long auxOffset) {
        if (!Ranges.pageAligned(offset) || !Ranges.pageAligned(length) || !Ranges.pageAligned(auxOffset)) {
            throw new ZxException(ZxStatus.ERR_INVALID_ARGS, "offset, length and aux_offset must be page-aligned");
        }
        Vmo vmo = kernel.handles.resolve(pagerVmoHandle, Vmo.class, Rights.WRITE);
        if (!vmo.nodeHasPagerSource() || vmo.type != Vmo.ChildType.NONE) {
            throw new ZxException(ZxStatus.ERR_INVALID_ARGS, "not a VMO created by this pager");
        }
        Vmo aux = kernel.handles.resolve(auxHandle, Vmo.class, Rights.READ | Rights.WRITE);
        if (aux.isPhysical() || aux.isContiguous()) {
            throw new ZxException(ZxStatus.ERR_NOT_SUPPORTED, "aux is physical or contiguous");
        }
        if (!Ranges.inRange(auxOffset, length, aux.sizeBytes())) {
            throw Ranges.outOfRange("aux range", auxOffset, length, aux.sizeBytes());
        }
        if (aux.nodeHasPagerSource()) {
            throw new ZxException(ZxStatus.ERR_NOT_SUPPORTED, "aux is pager-backed");
        }
        long auxFirst = aux.windowOffset + (auxOffset >>> 12);
        if (Pinning.anyPinned(aux.node, auxFirst, length >>> 12)) {
            throw new ZxException(ZxStatus.ERR_BAD_STATE, "pinned page in the aux range");
        }
        if (!Ranges.inRange(offset, length, vmo.sizeBytes())) {
            throw Ranges.outOfRange("pager VMO range", offset, length, vmo.sizeBytes());
        }
        mover.supplyWithoutOverwrite(aux.node, auxFirst, vmo.node, offset >>> 12, length >>> 12);
    }
}
