package dev.bootsplice.maven;

import dev.bootsplice.report.BudgetResult;
import dev.bootsplice.report.MetricChange;
import dev.bootsplice.report.ReportComparison;
import dev.bootsplice.report.ReportContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code check} concludes from a judged report: one line per failed budget and per regressed metric, the
 * lines that fail the build and those that only warn ({@code failOnRegression=false}).
 *
 * @param failures lines that fail the build, in report order: budgets first, then regressions
 * @param warnings regressions reported without failing the build
 * @param passed lines describing what held
 */
record Verdict(List<String> failures, List<String> warnings, List<String> passed) {
    Verdict {
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
        passed = List.copyOf(passed);
    }

    /** Judges {@code context}; regressions fail the build only when {@code failOnRegression}. */
    static Verdict of(ReportContext context, boolean failOnRegression) {
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        long held = 0;
        for (BudgetResult budget : context.budgets()) {
            if (budget.failed()) {
                failures.add(Failures.line("budget failed: " + budget.message()));
            } else {
                held++;
            }
        }
        if (!context.budgets().isEmpty()) {
            passed.add(Failures.line(held + (held == 1 ? " budget" : " budgets") + " passed"));
        }
        if (context.baseline().isPresent()) {
            ReportComparison comparison = context.baseline().get();
            List<String> regressions = comparison.regressions().stream().map(Verdict::regression).toList();
            (failOnRegression ? failures : warnings).addAll(regressions);
            if (regressions.isEmpty()) {
                passed.add(Failures.line(String.format(Locale.ROOT, "no regression beyond %s%% against %s",
                        number(comparison.maxRegressionPct().orElse(Double.NaN)), comparison.oldName())));
            }
        }
        return new Verdict(failures, warnings, passed);
    }

    /** {@code bootsplice: regression: clone bootCost.modeledNs 1200 -> 1500 (+25.0%)}. */
    static String regression(MetricChange change) {
        return Failures.line(String.format(Locale.ROOT, "regression: %s %s %s -> %s (%s)", change.strategy(),
                change.metric(), number(change.oldValue()), number(change.newValue()),
                change.changePct() == null ? "from 0" : String.format(Locale.ROOT, "%+.1f%%", change.changePct())));
    }

    private static String number(Double value) {
        if (value == null) {
            return "-";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString(value.longValue())
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
