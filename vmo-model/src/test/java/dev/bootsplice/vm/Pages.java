package dev.bootsplice.vm;

import java.util.Arrays;

/** Test fixtures: page-tagged content, so a misplaced page shows. */
final class Pages {
    static final int PAGE = 4096;

    private Pages() {}

    /** One page filled with {@code b}. */
    static byte[] filled(int b) {
        byte[] p = new byte[PAGE];
        Arrays.fill(p, (byte) b);
        return p;
    }

    /** Writes page {@code i} of {@code n} pages as all {@code base + i}. */
    static void fillTagged(Kernel k, int h, int n, int base) {
        for (int i = 0; i < n; i++) {
            k.vmoWrite(h, filled(base + i), 0, (long) i * PAGE, PAGE);
        }
    }

    static void fill(Kernel k, int h, int firstPage, int n, int b) {
        for (int i = 0; i < n; i++) {
            k.vmoWrite(h, filled(b), 0, (long) (firstPage + i) * PAGE, PAGE);
        }
    }

    /** The first byte of every page of the VMO. */
    static int[] firstBytes(Kernel k, int h) {
        int n = (int) (k.vmoGetSize(h) / PAGE);
        int[] out = new int[n];
        byte[] buf = new byte[PAGE];
        for (int i = 0; i < n; i++) {
            k.vmoRead(h, buf, 0, (long) i * PAGE, PAGE);
            for (byte b : buf) {
                if (b != buf[0]) {
                    throw new AssertionError("page " + i + " is not uniform");
                }
            }
            out[i] = buf[0] & 0xff;
        }
        return out;
    }
}
