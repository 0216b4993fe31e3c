package dev.bootsplice.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The two directory orders of spec §2.8: the reference tool's (per path component, unsigned bytes) and a
 * plain unsigned byte sort of whole paths. They differ only when a name holds a byte below '/'.
 */
final class BootfsOrder {
    /** The reference tool's order: {@code a/x} before {@code a-b}. */
    static final Comparator<String> COMPONENT_WISE = BootfsOrder::compareComponentWise;
    /** Whole-path unsigned byte order: {@code a-b} before {@code a/x}. */
    static final Comparator<String> BYTE_WISE = (a, b) -> Arrays.compareUnsigned(utf8(a), utf8(b));

    private BootfsOrder() {}

    private static int compareComponentWise(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Arrays.compareUnsigned(utf8(x[i]), utf8(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
