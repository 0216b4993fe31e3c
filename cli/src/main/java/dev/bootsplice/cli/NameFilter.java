package dev.bootsplice.cli;

import dev.bootsplice.format.NameGlob;
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

    /** fnmatch(3) without flags, as {@link NameGlob#matches}: {@code *} also matches {@code /}. */
    static boolean matches(String pattern, String name) {
        return NameGlob.matches(pattern, name);
    }
}
