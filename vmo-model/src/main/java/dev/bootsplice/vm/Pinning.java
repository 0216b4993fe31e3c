package dev.bootsplice.vm;

/** {@code zx_bti_pin} and {@code zx_pmt_unpin} (zircon-vm.md §12). */
final class Pinning {
    /** Zircon's per-page pin count limit; reaching it is UNAVAILABLE. */
    static final int MAX_PIN_COUNT = 31;

    private static final int KNOWN_OPTIONS = VmoOptions.BTI_PERM_READ
            | VmoOptions.BTI_PERM_WRITE
            | VmoOptions.BTI_PERM_EXECUTE
            | VmoOptions.BTI_COMPRESS
            | VmoOptions.BTI_CONTIGUOUS;

    private final Kernel kernel;

    Pinning(Kernel kernel) {
        this.kernel = kernel;
    }

    int pin(int options, int vmoHandle, long offset, long size) {
        if (!Ranges.pageAligned(offset) || !Ranges.pageAligned(size)) {
            throw new ZxException(ZxStatus.ERR_INVALID_ARGS, "pin range not page-aligned");
        }
        Vmo vmo = kernel.handles.resolve(vmoHandle, Vmo.class, Rights.MAP);
        int rights = kernel.handles.get(vmoHandle).rights;
        boolean needsRead = (options & (VmoOptions.BTI_PERM_READ | VmoOptions.BTI_PERM_EXECUTE)) != 0;
        if ((needsRead && (rights & Rights.READ) == 0)
                || ((options & VmoOptions.BTI_PERM_WRITE) != 0 && (rights & Rights.WRITE) == 0)) {
            throw new ZxException(ZxStatus.ERR_ACCESS_DENIED, "pin permissions exceed the handle's rights");
        }
        checkOptions(options, vmo);
        if (!Ranges.inRange(offset, size, vmo.sizeBytes())) {
            throw Ranges.outOfRange("pin", offset, size, vmo.sizeBytes());
        }
        if (size == 0) {
            throw new ZxException(ZxStatus.ERR_INVALID_ARGS, "pin of size 0");
        }
        long first = vmo.windowOffset + (offset >>> 12);
        long count = size >>> 12;
        if (vmo.node != null) {
            commitAndPin(vmo.node, first, count);
        }
        vmo.pmts++;
        return kernel.handles.add(
                new Pmt(kernel.vmos.nextKoid(), vmo, first, vmo.node == null ? 0 : count), Rights.DEFAULT_PMT);
    }

    private static void checkOptions(int options, Vmo vmo) {
        int left = options & ~KNOWN_OPTIONS;
        boolean compress = (options & VmoOptions.BTI_COMPRESS) != 0;
        boolean contiguous = (options & VmoOptions.BTI_CONTIGUOUS) != 0;
        if (left != 0 || (compress && contiguous) || (contiguous && !vmo.isContiguous() && !vmo.isPhysical())) {
            throw new ZxException(ZxStatus.ERR_INVALID_ARGS, "bad pin options 0x" + Integer.toHexString(options));
        }
    }

    /** Commits every page first (forking COW pages like COMMIT), then pins them all. */
    private void commitAndPin(CowPages node, long first, long count) {
        for (long i = first; i < first + count; i++) {
            kernel.tree.forkForWrite(node, i);
        }
        for (long i = first; i < first + count; i++) {
            if (node.pages.get(i).pinCount >= MAX_PIN_COUNT) {
                throw new ZxException(ZxStatus.ERR_UNAVAILABLE, "pin count of page " + i + " at its maximum");
            }
        }
        for (long i = first; i < first + count; i++) {
            Slot s = node.pages.get(i);
            if (s.pinCount++ == 0) {
                node.pinnedPages++;
            }
        }
    }

    void unpin(int pmtHandle) {
        Pmt pmt = kernel.handles.resolve(pmtHandle, Pmt.class, Rights.NONE);
        kernel.handles.remove(pmtHandle);
        if (pmt.unpinned) {
            return;
        }
        pmt.unpinned = true;
        CowPages node = pmt.vmo.node;
        for (long i = pmt.first; i < pmt.first + pmt.count; i++) {
            Slot s = node.pages.get(i);
            if (--s.pinCount == 0) {
                node.pinnedPages--;
            }
        }
        pmt.vmo.pmtReleased();
    }

    /** Whether any page of {@code node} in {@code [first, first+count)} is pinned. */
    static boolean anyPinned(CowPages node, long first, long count) {
        if (node == null || node.pinnedPages == 0 || count == 0) {
            return false;
        }
        for (long i : node.pages.indicesInRange(first, first + count)) {
            if (node.pages.get(i).isPinned()) {
                return true;
            }
        }
        return false;
    }
}
