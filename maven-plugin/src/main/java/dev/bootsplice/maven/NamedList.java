package dev.bootsplice.maven;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A list parameter of names, such as {@code strategies} or {@code kernels}: elements may themselves be
 * comma-separated, so {@code -Dbootsplice.strategies=clone,transfer} and one name per element read the same.
 */
final class NamedList {
    private NamedList() {}

    /**
     * Parses every name in {@code elements} with {@code parse}, in the order given (blank names skipped).
     *
     * @throws IllegalArgumentException from {@code parse}, or {@code WHAT "NAME" given twice} for a repeat
     */
    static <T> List<T> parse(
            List<String> elements, Function<String, T> parse, Function<T, String> nameOf, String what) {
        Set<T> values = new LinkedHashSet<>();
        for (String element : elements) {
            for (String name : element.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                T value = parse.apply(name);
                if (!values.add(value)) {
                    throw new IllegalArgumentException(what + " \"" + nameOf.apply(value) + "\" given twice");
                }
            }
        }
        return new ArrayList<>(values);
    }
}
