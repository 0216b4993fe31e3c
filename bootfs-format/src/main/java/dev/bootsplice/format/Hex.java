package dev.bootsplice.format;

/**
 * C's {@code %08x} for listings of thousands of lines: {@link String#format} parses its pattern on every call
 * and costs tens of milliseconds to set up on first use, a large share of a short run.
 */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {}

    /** Returns the low 32 bits of {@code value} as eight lowercase hex digits ({@code %08x}). */
    public static String pad8(long value) {
        return append(new StringBuilder(8), value).toString();
    }

    /** Appends the low 32 bits of {@code value} as eight lowercase hex digits to {@code s} and returns it. */
    public static StringBuilder append(StringBuilder s, long value) {
        for (int shift = 28; shift >= 0; shift -= 4) {
            s.append(DIGITS[(int) (value >>> shift) & 0xf]);
        }
        return s;
    }
}
