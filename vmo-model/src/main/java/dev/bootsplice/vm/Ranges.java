package dev.bootsplice.vm;

/** Unsigned 64-bit range helpers of Zircon's {@code range_check.h} (zircon-vm.md §4.2). */
final class Ranges {
    static final long PAGE = PhysicalMemory.PAGE_SIZE;
    /** {@code VmObject::MAX_SIZE}: ROUNDDOWN(2^64 - 1, PAGE_SIZE) - PAGE_SIZE, as unsigned bytes. */
    static final long MAX_SIZE_BYTES = 0xFFFF_FFFF_FFFF_E000L;

    static final long MAX_SIZE_PAGES = MAX_SIZE_BYTES >>> 12;

    private Ranges() {}

    /** {@code off + len} does not wrap and ends at or before {@code max}. */
    static boolean inRange(long off, long len, long max) {
        long end = off + len;
        return Long.compareUnsigned(end, off) >= 0
                && Long.compareUnsigned(off, max) <= 0
                && Long.compareUnsigned(end, max) <= 0;
    }

    /** Whether {@code a + b} wraps past 2^64. */
    static boolean wraps(long a, long b) {
        return Long.compareUnsigned(a + b, a) < 0;
    }

    static boolean pageAligned(long v) {
        return (v & (PAGE - 1)) == 0;
    }

    /**
     * Rounds {@code size} up to a page.
     *
     * @throws ZxException OUT_OF_RANGE when rounding overflows
     */
    static long roundSize(long size) {
        if (wraps(size, PAGE - 1)) {
            throw new ZxException(
                    ZxStatus.ERR_OUT_OF_RANGE, "size " + Long.toUnsignedString(size) + " overflows when rounded up");
        }
        return (size + PAGE - 1) & ~(PAGE - 1);
    }

    /** Rounded size in pages, capped at MAX_SIZE. @throws ZxException OUT_OF_RANGE beyond it */
    static long sizeInPages(long size) {
        long rounded = roundSize(size);
        if (Long.compareUnsigned(rounded, MAX_SIZE_BYTES) > 0) {
            throw new ZxException(
                    ZxStatus.ERR_OUT_OF_RANGE, "size " + Long.toUnsignedString(size) + " exceeds MAX_SIZE");
        }
        return rounded >>> 12;
    }

    static ZxException outOfRange(String what, long off, long len, long max) {
        return new ZxException(
                ZxStatus.ERR_OUT_OF_RANGE, what + " [" + hex(off) + ", +" + hex(len) + ") outside size " + hex(max));
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
