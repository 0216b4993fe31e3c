package dev.bootsplice.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Selects BOOTFS names by the reference tool's PATTERN rules (spec §4.2): fnmatch globs where {@code *}
 * also matches {@code /}; a pattern starting with {@code !} or {@code ^} excludes. A name is selected when
 * it matches some including pattern (or there are none) and no excluding pattern.
 */
public final class NameFilter implements java.util.function.Predicate<String> {
    private final List<String> includes = new ArrayList<>();
    private final List<String> excludes = new ArrayList<>();

    private NameFilter(List<String> patterns) {
        for (String p : patterns) {
            if (p.startsWith("!") || p.startsWith("^")) {
                excludes.add(p.substring(1));
            } else {
                includes.add(p);
            }
        }
    }

    /** Returns the filter for {@code patterns}; an empty list selects every name. */
    public static NameFilter of(List<String> patterns) {
        return new NameFilter(patterns);
    }

    /** Returns true when no pattern was given. */
    public boolean selectsAll() {
        return includes.isEmpty() && excludes.isEmpty();
    }

    /** Returns true when {@code name} is selected (the same as {@link #selects}). */
    @Override
    public boolean test(String name) {
        return selects(name);
    }

    /** Returns true when {@code name} is selected. */
    public boolean selects(String name) {
        boolean selected = includes.isEmpty();
        for (String p : includes) {
            if (matches(p, name)) {
                selected = true;
                break;
            }
        }
        if (!selected) {
            return false;
        }
        for (String p : excludes) {
            if (matches(p, name)) {
                return false;
            }
        }
        return true;
    }

    /**
     * fnmatch(3) without flags: {@code *} any run (including {@code /}), {@code ?} one character,
     * {@code [...]} a class with ranges and {@code !}/{@code ^} negation, backslash quotes the next character.
     */
    static boolean matches(String pattern, String name) {
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
