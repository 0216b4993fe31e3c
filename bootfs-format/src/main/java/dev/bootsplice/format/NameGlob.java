package dev.bootsplice.format;

/**
 * The reference tool's BOOTFS name patterns (spec §4.2): fnmatch(3) globs without flags, where
 * {@code *} also matches {@code /} (so {@code **} matches what {@code *} does).
 */
public final class NameGlob {
    private NameGlob() {}

    /**
     * fnmatch(3) without flags: {@code *} any run (including {@code /}), {@code ?} one character,
     * {@code [...]} a class with ranges and {@code !}/{@code ^} negation, backslash quotes the next character.
     */
    public static boolean matches(String pattern, String name) {
        int p = 0;
        int n = 0;
        int starP = -1;
        int starN = -1;
        while (n < name.length()) {
            if (p < pattern.length()) {
                char c = pattern.charAt(p);
                if (c == '*') {
                    starP = ++p;
                    starN = n;
                    continue;
                }
                int next = matchOne(pattern, p, name.charAt(n));
                if (next >= 0) {
                    p = next;
                    n++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            p = starP;
            n = ++starN;
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** Matches one pattern element at {@code p} against {@code ch}; returns the next index or -1. */
    private static int matchOne(String pattern, int p, char ch) {
        char c = pattern.charAt(p);
        if (c == '?') {
            return p + 1;
        }
        if (c == '[') {
            int end = classEnd(pattern, p);
            if (end > 0) {
                return classMatches(pattern, p + 1, end, ch) ? end + 1 : -1;
            }
            return ch == '[' ? p + 1 : -1;
        }
        if (c == '\\' && p + 1 < pattern.length()) {
            return pattern.charAt(p + 1) == ch ? p + 2 : -1;
        }
        return c == ch ? p + 1 : -1;
    }

    /** Returns the index of the {@code ]} closing the class opened at {@code open}, or -1 if unclosed. */
    private static int classEnd(String pattern, int open) {
        int i = open + 1;
        if (i < pattern.length() && (pattern.charAt(i) == '!' || pattern.charAt(i) == '^')) {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++;
        }
        for (; i < pattern.length(); i++) {
            if (pattern.charAt(i) == ']') {
                return i;
            }
        }
        return -1;
    }

    private static boolean classMatches(String pattern, int from, int end, char ch) {
        int i = from;
        boolean negate = pattern.charAt(i) == '!' || pattern.charAt(i) == '^';
        if (negate) {
            i++;
        }
        boolean hit = false;
        boolean first = true;
        while (i < end) {
            char lo = pattern.charAt(i);
            if (lo == ']' && !first) {
                break;
            }
            first = false;
            if (i + 2 < end && pattern.charAt(i + 1) == '-') {
                char hi = pattern.charAt(i + 2);
                hit |= lo <= ch && ch <= hi;
                i += 3;
            } else {
                hit |= lo == ch;
                i++;
            }
        }
        return hit != negate;
    }
}
