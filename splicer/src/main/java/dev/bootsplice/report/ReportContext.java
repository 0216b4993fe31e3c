package dev.bootsplice.report;

import dev.bootsplice.profile.ProfileReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a report shows besides the profile itself: the comparison against a `--baseline` report
 * (absent without one), the evaluated `--fail-on` budgets and size budgets; {@link #failed()} is
 * the exit-4 check.
 */
public record ReportContext(
        Optional<ReportComparison> baseline, List<BudgetResult> budgets, List<SizeBudgetResult> sizeBudgets) {

    /** No baseline, no budgets. */
    public static final ReportContext NONE = new ReportContext(Optional.empty(), List.of(), List.of());

    public ReportContext {
        budgets = List.copyOf(budgets);
        sizeBudgets = List.copyOf(sizeBudgets);
    }

    /** A context without size budgets. */
    public ReportContext(Optional<ReportComparison> baseline, List<BudgetResult> budgets) {
        this(baseline, budgets, List.of());
    }

    /**
     * Evaluates {@code budgets} on {@code report} and compares it with {@code baseline} (may be null)
     * at {@code maxRegressionPct} over the headline metrics (null: shown, not gated).
     *
     * @throws IllegalArgumentException if a budget names a strategy or metric the report lacks
     */
    public static ReportContext of(
            ProfileReport report, ProfileReport baseline, Double maxRegressionPct, List<Budget> budgets) {
        return judged(
                report,
                baseline,
                new ReportComparison.Rule(maxRegressionPct, null, true, MetricTable.Per.NONE),
                budgets);
    }

    /**
     * Evaluates {@code budgets} on {@code report} and compares it with {@code baseline} (may be null)
     * by {@code rule} (e.g. per file, measured medians gated).
     *
     * @throws IllegalArgumentException if a budget names a strategy or metric the report lacks, or
     *     the rule scales by a figure a report lacks
     */
    public static ReportContext judged(
            ProfileReport report, ProfileReport baseline, ReportComparison.Rule rule, List<Budget> budgets) {
        MetricTable metrics = MetricTable.of(report);
        List<BudgetResult> results = new ArrayList<>();
        for (Budget b : budgets) {
            results.add(b.evaluate(metrics));
        }
        Optional<ReportComparison> comparison = baseline == null
                ? Optional.empty()
                : Optional.of(ReportComparison.compare(MetricTable.of(baseline), metrics, rule));
        return new ReportContext(comparison, results);
    }

    /** This context with {@code results} as its size budgets. */
    public ReportContext withSizeBudgets(List<SizeBudgetResult> results) {
        return new ReportContext(baseline, budgets, results);
    }

    /** Every check in report order: budgets, size budgets, then the gated metrics that regressed. */
    public List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        budgets.forEach(b -> checks.add(Check.of(b)));
        sizeBudgets.forEach(b -> checks.add(Check.of(b)));
        baseline.ifPresent(c -> c.regressions().forEach(m -> checks.add(Check.regression(m, c.thresholdOf(m)))));
        return checks;
    }

    /** Whether a budget failed or a gated metric regressed against the baseline. */
    public boolean failed() {
        return checks().stream().anyMatch(Check::failed);
    }
}
