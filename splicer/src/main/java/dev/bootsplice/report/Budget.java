package dev.bootsplice.report;

import dev.bootsplice.profile.ProfileReport;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A `--fail-on` budget; the budget fails (the check exits 4) when its comparison is true:
 *
 * <pre>
 * BUDGET := METRIC OP LIMIT          OP := &gt; | &gt;= | &lt; | &lt;= | == | !=
 * METRIC := STRATEGY.PATH [/file | /MiB]
 * LIMIT  := NUMBER | [NUMBER *] METRIC
 * </pre>
 *
 * <p>PATH walks the strategy's JSON object ({@code transfer.lookup.hops.max>0},
 * {@code copy.bootCost.modeledNs>2e9}); {@code /file} divides the metric by the image's BOOTFS
 * files and {@code /MiB} by its BOOTFS size in MiB, so a budget holds as the image grows
 * ({@code transfer.bootCost.modeledNs/file>80000}); a limit may be another strategy's metric,
 * scaled by a factor ({@code transfer.bootCost.modeledNs>=0.9*clone.bootCost.modeledNs}).
 */
public final class Budget {
    private static final String METRIC = "([A-Za-z0-9_@-]+)\\.([A-Za-z0-9_.]+?)(?:/(file|MiB))?";
    private static final Pattern SYNTAX =
            Pattern.compile("\\s*" + METRIC + "\\s*(" + Threshold.OPERATORS + ")\\s*(.+?)\\s*");
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+0-9.eE]+");
    private static final Pattern RELATIVE = Pattern.compile("(?:([-+0-9.eE]+)\\s*\\*\\s*)?" + METRIC);

    /** One side naming a metric: strategy, path inside it, and how it is scaled. */
    private record Side(String strategy, String path, MetricTable.Per per) {
        static Side of(String strategy, String path, String per) {
            return new Side(
                    strategy.toLowerCase(Locale.ROOT),
                    path,
                    per == null ? MetricTable.Per.NONE : MetricTable.Per.parse(per));
        }
    }

    private final String text;
    private final Side metric;
    private final String operator;
    // the limit is factor × other when other is set, else factor alone
    private final double factor;
    private final Side other;

    private Budget(String text, Side metric, String operator, double factor, Side other) {
        this.text = text;
        this.metric = metric;
        this.operator = operator;
        this.factor = factor;
        this.other = other;
    }

    /**
     * Parses a budget expression.
     *
     * @throws IllegalArgumentException saying what is wrong when it does not parse
     */
    public static Budget parse(String expression) {
        Matcher m = SYNTAX.matcher(expression);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "budget \"" + expression + "\": expected STRATEGY.PATH[/file|/MiB] OP "
                            + "NUMBER or [NUMBER*]STRATEGY.PATH with OP one of > >= < <= == != (e.g. transfer.lookup.hops.max>0)");
        }
        Side metric = Side.of(m.group(1), m.group(2), m.group(3));
        String limit = m.group(5);
        if (NUMBER_LIKE.matcher(limit).matches()) {
            return new Budget(expression.strip(), metric, m.group(4), number(expression, limit), null);
        }
        Matcher r = RELATIVE.matcher(limit);
        if (!r.matches()) {
            throw new IllegalArgumentException("budget \"" + expression + "\": limit \"" + limit
                    + "\" is neither a number nor [NUMBER*]STRATEGY.PATH[/file|/MiB]");
        }
        double factor = r.group(1) == null ? 1 : number(expression, r.group(1));
        return new Budget(expression.strip(), metric, m.group(4), factor, Side.of(r.group(2), r.group(3), r.group(4)));
    }

    private static double number(String expression, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("budget \"" + expression + "\": \"" + text + "\" is not a number");
        }
    }

    /** The expression as written (trimmed). */
    public String text() {
        return text;
    }

    /** The strategy the budget applies to. */
    public String strategy() {
        return metric.strategy();
    }

    /** The metric path inside the strategy object, e.g. {@code lookup.hops.max} (without a scale). */
    public String path() {
        return metric.path();
    }

    /**
     * Evaluates the budget on {@code report}.
     *
     * @throws IllegalArgumentException if the report has no such strategy or metric
     */
    public BudgetResult evaluate(ProfileReport report) {
        return evaluate(MetricTable.of(report));
    }

    /**
     * Evaluates the budget on the metrics of one report.
     *
     * @throws IllegalArgumentException if the table has no such strategy or metric
     */
    BudgetResult evaluate(MetricTable table) {
        double actual = value(table, metric);
        double limit = other == null ? factor : factor * value(table, other);
        return new BudgetResult(this, actual, limit, new Threshold(operator, limit).holds(actual));
    }

    private double value(MetricTable table, Side side) {
        Map<String, Double> metrics = table.metrics().get(side.strategy());
        if (metrics == null) {
            throw new IllegalArgumentException(
                    "budget \"" + text + "\": strategy \"" + side.strategy() + "\" was not profiled");
        }
        Double value = metrics.get(side.path());
        if (value == null) {
            throw new IllegalArgumentException("budget \"" + text + "\": no metric \"" + side.path() + "\" (one of "
                    + String.join(", ", metrics.keySet()) + ")");
        }
        if (side.per() != MetricTable.Per.NONE && !Metrics.isExtensive(side.path())) {
            throw new IllegalArgumentException(
                    "budget \"" + text + "\": " + side.path() + " does not grow with the image, so it cannot be taken "
                            + side.per().suffix());
        }
        return side.per() == MetricTable.Per.NONE ? value : value / table.divisor(side.per());
    }

    /** Whether the limit is another metric (then {@link BudgetResult#limit()} is computed). */
    boolean isRelative() {
        return other != null;
    }

    @Override
    public String toString() {
        return text;
    }
}
