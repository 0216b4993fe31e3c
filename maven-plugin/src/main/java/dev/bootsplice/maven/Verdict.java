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

    /** The prefix of a line that fails the build, as {@code bootsplice profile} prints it on stderr. */
    static final String FAILED = "check failed: ";
    /** The prefix of a regression that only warns ({@code failOnRegression=false}). */
    static final String REGRESSION = "regression: ";

    /** Judges {@code context}; regressions fail the build only when {@code failOnRegression}. */
    static Verdict of(ReportContext context, boolean failOnRegression) {
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        long held = 0;
        for (BudgetResult budget : context.budgets()) {
            if (budget.failed()) {
                failures.add(Failures.line(FAILED + budget.message()));
            } else {
                held++;
            }
        }
        if (!context.budgets().isEmpty()) {
            passed.add(Failures.line(held + (held == 1 ? " budget" : " budgets") + " passed"));
        }
        if (context.baseline().isPresent()) {
            ReportComparison comparison = context.baseline().get();
            Double maxPct = comparison.maxRegressionPct().isPresent() ? comparison.maxRegressionPct().getAsDouble()
                    : null;
            for (MetricChange change : comparison.regressions()) {
                String line = describe(change, comparison.thresholdOf(change));
                if (failOnRegression) {
                    failures.add(Failures.line(FAILED + line));
                } else {
                    warnings.add(Failures.line(REGRESSION + line));
                }
            }
            if (comparison.regressions().isEmpty()) {
                passed.add(Failures.line("no regression beyond " + number(maxPct) + "% against "
                        + comparison.oldName()));
            }
        }
        return new Verdict(failures, warnings, passed);
    }

    /**
     * Words a regressed metric as the command line does, e.g.
     * {@code transfer bootCost.modeledNs grew 12.3% (1000 -> 1123), more than 5%}.
     */
    static String describe(MetricChange m, Double maxPct) {
        String growth = m.changePct() == null ? "grew from 0"
                : String.format(Locale.ROOT, "grew %.1f%%", m.changePct());
        return String.format(Locale.ROOT, "%s %s %s (%s -> %s), more than %s%%", m.strategy(), m.metric(), growth,
                number(m.oldValue()), number(m.newValue()), maxPct == null ? "0" : number(maxPct));
    }

    private static String number(Double value) {
        if (value == null) {
            return "-";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString(value.longValue())
                : String.format(Locale.ROOT, "%.3f", value);
    }
}
