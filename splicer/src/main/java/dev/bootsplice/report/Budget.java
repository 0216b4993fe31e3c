package dev.bootsplice.report;

import dev.bootsplice.profile.ProfileReport;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A `--fail-on` budget: {@code STRATEGY.PATH OP NUMBER}, e.g. {@code transfer.lookup.hops.max>0}
 * or {@code copy.bootCost.modeledNs>2e9}, where PATH walks the strategy's JSON object and OP is one
 * of {@code > >= < <= == !=}; the budget fails (the check exits 4) when the comparison is true.
 */
public final class Budget {
  private static final Pattern SYNTAX = Pattern.compile(
      "\\s*([A-Za-z0-9_@-]+)\\.([A-Za-z0-9_.]+?)\\s*(>=|<=|==|!=|>|<)\\s*([-+0-9.eE]+)\\s*");

  private final String text;
  private final String strategy;
  private final String path;
  private final String operator;
  private final double threshold;

  private Budget(String text, String strategy, String path, String operator, double threshold) {
    this.text = text;
    this.strategy = strategy;
    this.path = path;
    this.operator = operator;
    this.threshold = threshold;
  }

  /**
   * Parses a budget expression.
   *
   * @throws IllegalArgumentException saying what is wrong when it does not parse
   */
  public static Budget parse(String expression) {
    Matcher m = SYNTAX.matcher(expression);
    if (!m.matches()) {
      throw new IllegalArgumentException("budget \"" + expression
          + "\": expected STRATEGY.PATH OP NUMBER with OP one of > >= < <= == != (e.g. transfer.lookup.hops.max>0)");
    }
    double threshold;
    try {
      threshold = Double.parseDouble(m.group(4));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("budget \"" + expression + "\": \"" + m.group(4) + "\" is not a number");
    }
    return new Budget(expression.strip(), m.group(1).toLowerCase(Locale.ROOT), m.group(2), m.group(3), threshold);
  }

  /** The expression as written (trimmed). */
  public String text() {
    return text;
  }

  /** The strategy the budget applies to. */
  public String strategy() {
    return strategy;
  }

  /** The metric path inside the strategy object, e.g. {@code lookup.hops.max}. */
  public String path() {
    return path;
  }

  /**
   * Evaluates the budget on {@code report}.
   *
   * @throws IllegalArgumentException if the report has no such strategy or metric
   */
  public BudgetResult evaluate(ProfileReport report) {
    ProfileReport.StrategyReport s = report.strategy(strategy).orElseThrow(() ->
        new IllegalArgumentException("budget \"" + text + "\": strategy \"" + strategy + "\" was not profiled"));
    Map<String, Double> metrics = Metrics.of(report, s);
    Double actual = metrics.get(path);
    if (actual == null) {
      throw new IllegalArgumentException("budget \"" + text + "\": no metric \"" + path
          + "\" (one of " + String.join(", ", metrics.keySet()) + ")");
    }
    return new BudgetResult(this, actual, holds(actual));
  }

  private boolean holds(double actual) {
    return switch (operator) {
      case ">" -> actual > threshold;
      case ">=" -> actual >= threshold;
      case "<" -> actual < threshold;
      case "<=" -> actual <= threshold;
      case "==" -> actual == threshold;
      case "!=" -> actual != threshold;
      default -> throw new IllegalStateException("operator checked by the parser: " + operator);
    };
  }

  @Override
  public String toString() {
    return text;
  }
}
