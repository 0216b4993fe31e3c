package dev.bootsplice.report;

import dev.bootsplice.profile.ProfileReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a report shows besides the profile itself: the comparison against a `--baseline` report
 * (absent without one) and the evaluated `--fail-on` budgets; {@link #failed()} is the exit-4 check.
 */
public record ReportContext(Optional<ReportComparison> baseline, List<BudgetResult> budgets) {

  /** No baseline, no budgets. */
  public static final ReportContext NONE = new ReportContext(Optional.empty(), List.of());

  public ReportContext {
    budgets = List.copyOf(budgets);
  }

  /**
   * Evaluates {@code budgets} on {@code report} and compares it with {@code baseline} (may be null)
   * at {@code maxRegressionPct} over the headline metrics (null: shown, not gated).
   *
   * @throws IllegalArgumentException if a budget names a strategy or metric the report lacks
   */
  public static ReportContext of(ProfileReport report, ProfileReport baseline,
      Double maxRegressionPct, List<Budget> budgets) {
    return judged(report, baseline,
        new ReportComparison.Rule(maxRegressionPct, null, true, MetricTable.Per.NONE), budgets);
  }

  /**
   * Evaluates {@code budgets} on {@code report} and compares it with {@code baseline} (may be null)
   * by {@code rule} (e.g. per file, measured medians gated).
   *
   * @throws IllegalArgumentException if a budget names a strategy or metric the report lacks, or
   *     the rule scales by a figure a report lacks
   */
  public static ReportContext judged(ProfileReport report, ProfileReport baseline,
      ReportComparison.Rule rule, List<Budget> budgets) {
    List<BudgetResult> results = new ArrayList<>();
    for (Budget b : budgets) {
      results.add(b.evaluate(report));
    }
    Optional<ReportComparison> comparison = baseline == null ? Optional.empty()
        : Optional.of(ReportComparison.compare(MetricTable.of(baseline), MetricTable.of(report), rule));
    return new ReportContext(comparison, results);
  }

  /** Whether a budget failed or a gated metric regressed against the baseline. */
  public boolean failed() {
    return budgets.stream().anyMatch(BudgetResult::failed)
        || baseline.map(ReportComparison::regressed).orElse(false);
  }
}
