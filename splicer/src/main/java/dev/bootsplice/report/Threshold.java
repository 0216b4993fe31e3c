package dev.bootsplice.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code OP VALUE} half of a size or diff budget, and the one comparison every budget makes: OP one of {@code > >= < <= == !=}, VALUE a
 * number (sign and exponent allowed) with an optional binary byte unit ({@code B}, {@code KiB},
 * {@code MiB}, {@code GiB}, {@code TiB}; {@code K}, {@code M}, {@code G}, {@code T} are the same).
 */
public record Threshold(String operator, double value) {
    private static final Pattern VALUE = Pattern.compile("([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([A-Za-z]*)");
    /** The operators of every budget grammar, longest first so {@code >=} is not read as {@code >}. */
    public static final String OPERATORS = ">=|<=|==|!=|>|<";

    /**
     * Parses {@code operator} and {@code value} (e.g. {@code "<="}, {@code "8MiB"}).
     *
     * @throws IllegalArgumentException naming the value and the accepted units when it does not parse
     */
    public static Threshold parse(String operator, String value) {
        Matcher m = VALUE.matcher(value.strip());
        if (!operator.matches(OPERATORS) || !m.matches()) {
            throw new IllegalArgumentException("\"" + operator + value + "\": expected OP NUMBER[UNIT] with OP one of "
                    + "> >= < <= == != and UNIT one of B, KiB, MiB, GiB, TiB (e.g. <=8MiB)");
        }
        int shift =
                switch (m.group(2).toLowerCase(Locale.ROOT)) {
                    case "", "b" -> 0;
                    case "k", "kib" -> 10;
                    case "m", "mib" -> 20;
                    case "g", "gib" -> 30;
                    case "t", "tib" -> 40;
                    default -> throw new IllegalArgumentException(
                            "\"" + value + "\": unknown unit \"" + m.group(2) + "\" (use B, KiB, MiB, GiB or TiB)");
                };
        return new Threshold(operator, Double.parseDouble(m.group(1)) * (1L << shift));
    }

    /** Whether {@code actual OP value} is true. */
    public boolean holds(double actual) {
        return switch (operator) {
            case ">" -> actual > value;
            case ">=" -> actual >= value;
            case "<" -> actual < value;
            case "<=" -> actual <= value;
            case "==" -> actual == value;
            case "!=" -> actual != value;
            default -> throw new IllegalStateException("operator checked by the parser: " + operator);
        };
    }
}
