package dev.bootsplice.format;

/** zlib's {@code crc32_combine}: the CRC-32 of {@code A ‖ B} from {@code crc(A)}, {@code crc(B)} and {@code |B|}. */
final class Crc32Combine {
    private static final int GF2_DIM = 32;
    private static final long POLY = 0xedb88320L;

    private Crc32Combine() {
    }

    /** Returns {@code crc(A ‖ B)} given {@code crc1 = crc(A)}, {@code crc2 = crc(B)} and {@code len2 = |B|}, in O(log len2). */
    static long combine(long crc1, long crc2, long len2) {
        if (len2 <= 0) {
            return crc1;
        }
        long[] even = new long[GF2_DIM];
        long[] odd = new long[GF2_DIM];
        odd[0] = POLY;
        long row = 1;
        for (int n = 1; n < GF2_DIM; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd);
        square(odd, even);
        long crc = crc1;
        long len = len2;
        while (true) {
            square(even, odd);
            if ((len & 1) != 0) {
                crc = times(even, crc);
            }
            len >>= 1;
            if (len == 0) {
                break;
            }
            square(odd, even);
            if ((len & 1) != 0) {
                crc = times(odd, crc);
            }
            len >>= 1;
            if (len == 0) {
                break;
            }
        }
        return crc ^ crc2;
    }

    private static long times(long[] mat, long vec) {
        long sum = 0;
        long v = vec;
        for (int i = 0; v != 0; i++, v >>>= 1) {
            if ((v & 1) != 0) {
                sum ^= mat[i];
            }
        }
        return sum;
    }

    private static void square(long[] result, long[] mat) {
        for (int n = 0; n < GF2_DIM; n++) {
            result[n] = times(mat, mat[n]);
        }
    }
}
