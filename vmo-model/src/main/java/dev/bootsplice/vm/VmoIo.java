package dev.bootsplice.vm;

/** Byte-granular reads and writes of a VMO, page by page through the node tree. */
final class VmoIo {
    private static final int PAGE = PhysicalMemory.PAGE_SIZE;
    private final Kernel kernel;
    private long pagesWrittenFromUser;

    VmoIo(Kernel kernel) {
        this.kernel = kernel;
    }

    void read(Vmo vmo, byte[] dst, int dstOffset, long offset, int length) {
        checkAccess(vmo, dst, dstOffset, offset, length);
        long pos = offset;
        int done = 0;
        while (done < length) {
            int inPage = (int) (pos & (PAGE - 1));
            int n = Math.min(PAGE - inPage, length - done);
            kernel.tree.readPage(vmo.node, vmo.windowOffset + (pos >>> 12), dst, dstOffset + done, inPage, n);
            done += n;
            pos += n;
        }
    }

    void write(Vmo vmo, byte[] src, int srcOffset, long offset, int length) {
        checkAccess(vmo, src, srcOffset, offset, length);
        long pos = offset;
        int done = 0;
        while (done < length) {
            int inPage = (int) (pos & (PAGE - 1));
            int n = Math.min(PAGE - inPage, length - done);
            Slot s = kernel.tree.forkForWrite(vmo.node, vmo.windowOffset + (pos >>> 12));
            System.arraycopy(src, srcOffset + done, s.page, inPage, n);
            pagesWrittenFromUser++;
            done += n;
            pos += n;
        }
    }

    /** One {@code zx_vmo_write} of {@code length} copies of {@code value} (length may exceed 2 GiB). */
    void fill(Vmo vmo, long offset, long length, byte value) {
        checkRange(vmo, offset, length);
        byte[] page = new byte[PAGE];
        java.util.Arrays.fill(page, value);
        long pos = offset;
        long end = offset + length;
        while (Long.compareUnsigned(pos, end) < 0) {
            int inPage = (int) (pos & (PAGE - 1));
            int n = (int) Math.min(PAGE - inPage, end - pos);
            Slot s = kernel.tree.forkForWrite(vmo.node, vmo.windowOffset + (pos >>> 12));
            System.arraycopy(page, 0, s.page, inPage, n);
            pagesWrittenFromUser++;
            pos += n;
        }
    }

    /**
     * Pages into which {@link #write} and {@link #fill} copied bytes from user memory: one per page
     * a write touched, a partial page counting as one (VmStats.pagesWrittenFromUser).
     */
    long pagesWrittenFromUser() {
        return pagesWrittenFromUser;
    }

    /** One {@code zx_vmo_read} of {@code length} bytes whose content is dropped (status only). */
    void readDiscard(Vmo vmo, long offset, long length) {
        checkRange(vmo, offset, length);
        byte[] page = new byte[PAGE];
        long pos = offset;
        long end = offset + length;
        while (Long.compareUnsigned(pos, end) < 0) {
            int inPage = (int) (pos & (PAGE - 1));
            int n = (int) Math.min(PAGE - inPage, end - pos);
            kernel.tree.readPage(vmo.node, vmo.windowOffset + (pos >>> 12), page, 0, inPage, n);
            pos += n;
        }
    }

    private static void checkRange(Vmo vmo, long offset, long length) {
        if (vmo.isPhysical()) {
            throw new ZxException(ZxStatus.ERR_NOT_SUPPORTED, "read or write of a physical VMO");
        }
        if (!Ranges.inRange(offset, length, vmo.sizeBytes())) {
            throw Ranges.outOfRange("access", offset, length, vmo.sizeBytes());
        }
    }

    private static void checkAccess(Vmo vmo, byte[] buf, int bufOffset, long offset, int length) {
        if (buf == null || bufOffset < 0 || length < 0 || bufOffset > buf.length - length) {
            throw new ZxException(ZxStatus.ERR_INVALID_ARGS, "buffer range invalid");
        }
        if (vmo.isPhysical()) {
            throw new ZxException(ZxStatus.ERR_NOT_SUPPORTED, "read or write of a physical VMO");
        }
        if (!Ranges.inRange(offset, length, vmo.sizeBytes())) {
            throw Ranges.outOfRange("access", offset, length, vmo.sizeBytes());
        }
    }

    /**
     * Content of page {@code pageIndex} without changing anything: the page's bytes, {@link #ZERO}
     * or {@link #UNSUPPLIED}. Physical VMOs read as zero device memory.
     */
    static byte[] peek(Vmo vmo, long pageIndex) {
        if (vmo.node == null) {
            return ZERO;
        }
        Lookup f = new Lookup();
        CowTree.lookUp(vmo.node, vmo.windowOffset + pageIndex, f);
        if (f.slot == null) {
            return f.pagerRequest ? UNSUPPLIED : ZERO;
        }
        return f.slot.isMarker() ? ZERO : f.slot.page;
    }

    /** Returned by {@link #peek} for a page that reads as zero; never to be written. */
    static final byte[] ZERO = new byte[0];
    /** Returned by {@link #peek} for a pager page that was never supplied. */
    static final byte[] UNSUPPLIED = new byte[0];
}
