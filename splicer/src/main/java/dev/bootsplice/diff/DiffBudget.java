package dev.bootsplice.diff;

import dev.bootsplice.report.Check;
import dev.bootsplice.report.Threshold;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A `diff --fail-on` budget: {@code METRIC OP VALUE} on one of {@link ImageDiff#metrics()}, VALUE a
 * number with an optional byte unit ({@code bootfs.bytes.delta>1MiB}, {@code files.added>10}); like
 * every `--fail-on` budget it fails (exit 4) when the comparison is true.
 */
public final class DiffBudget {
    private static final Pattern SYNTAX =
            Pattern.compile("\\s*([A-Za-z0-9_.\\-]+(?:\\[[^\\]]*\\][A-Za-z0-9_.\\-]*)?)\\s*("
                    + Threshold.OPERATORS
                    + ")\\s*(\\S.*?)\\s*");

    private final String text;
    private final String metric;
    private final Threshold threshold;

    private DiffBudget(String text, String metric, Threshold threshold) {
        this.text = text;
        this.metric = metric;
        this.threshold = threshold;
    }

    /**
     * Parses a diff budget.
     *
     * @throws IllegalArgumentException saying what is wrong when it does not parse
     */
    public static DiffBudget parse(String expression) {
        Matcher m = SYNTAX.matcher(expression);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "diff budget \"" + expression + "\": expected METRIC OP VALUE with OP one of "
                            + "> >= < <= == != (e.g. bootfs.bytes.delta>1MiB or files.added>10)");
        }
        try {
            return new DiffBudget(expression.strip(), m.group(1), Threshold.parse(m.group(2), m.group(3)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("diff budget \"" + expression + "\": " + e.getMessage(), e);
        }
    }

    /** The expression as written (trimmed). */
    public String text() {
        return text;
    }

    /**
     * Evaluates the budget on {@code diff}.
     *
     * @throws IllegalArgumentException if the diff has no such metric (naming the ones it has)
     */
    public Check evaluate(ImageDiff diff) {
        Map<String, Double> metrics = diff.metrics();
        Double actual = metrics.get(metric);
        if (actual == null) {
            throw new IllegalArgumentException("diff budget \"" + text + "\": no metric \"" + metric + "\" (one of "
                    + String.join(
                            ", ",
                            metrics.keySet().stream()
                                    .filter(k -> !k.startsWith("prefix["))
                                    .toList())
                    + ", prefix[P].bytes.delta)");
        }
        boolean failed = threshold.holds(actual);
        String value = actual == Math.rint(actual)
                ? String.format(Locale.ROOT, "%,d", actual.longValue())
                : String.format(Locale.ROOT, "%,.2f", actual);
        return new Check("budget", text, text + ": actual " + value + " (" + (failed ? "FAILED" : "ok") + ")", failed);
    }
}
