package dev.bootsplice.format;

/**
 * zlib's {@code crc32_combine}: the CRC-32 of {@code A ‖ B} from {@code crc(A)}, {@code crc(B)} and
 * {@code len(B)}, so an item's CRC can be finished once its header is known (spec §1.6).
 */
final class Crc32Combine {
    /** Reflected CRC-32 polynomial. */
    private static final long POLY = 0xedb88320L;

    private Crc32Combine() {}

    /** Returns the CRC-32 of the concatenation of two byte strings given their CRCs and the second length. */
    static long combine(long crc1, long crc2, long len2) {
        if (len2 <= 0) {
            return crc1;
        }
        long[] odd = new long[32];
        long[] even = new long[32];
        odd[0] = POLY;
        long row = 1;
        for (int n = 1; n < 32; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd);
        square(odd, even);
        long crc = crc1;
        long len = len2;
        do {
            square(even, odd);
            if ((len & 1) != 0) {
                crc = times(even, crc);
            }
            len >>>= 1;
            if (len == 0) {
                break;
            }
            square(odd, even);
            if ((len & 1) != 0) {
                crc = times(odd, crc);
            }
            len >>>= 1;
        } while (len != 0);
        return (crc ^ crc2) & 0xffff_ffffL;
    }

    private static long times(long[] mat, long vec) {
        long sum = 0;
        int i = 0;
        while (vec != 0) {
            if ((vec & 1) != 0) {
                sum ^= mat[i];
            }
            vec >>>= 1;
            i++;
        }
        return sum;
    }

    private static void square(long[] square, long[] mat) {
        for (int n = 0; n < 32; n++) {
            square[n] = times(mat, mat[n]);
        }
    }
}
