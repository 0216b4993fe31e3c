package dev.bootsplice.maven;

import dev.bootsplice.report.Check;
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
        long budgets = context.budgets().size() + context.sizeBudgets().size();
        long held = 0;
        for (Check c : context.checks()) {
            if (c.kind().equals("regression")) {
                if (failOnRegression) {
                    failures.add(Failures.line(FAILED + c.message()));
                } else {
                    warnings.add(Failures.line(REGRESSION + c.message()));
                }
            } else if (c.failed()) {
                failures.add(Failures.line(FAILED + c.message()));
            } else {
                held++;
            }
        }
        if (budgets > 0) {
            passed.add(Failures.line(held + (held == 1 ? " budget" : " budgets") + " passed"));
        }
        context.baseline()
                .filter(c -> !c.regressed())
                .ifPresent(c -> passed.add(Failures.line("no regression beyond "
                        + number(
                                c.maxRegressionPct().isPresent()
                                        ? c.maxRegressionPct().getAsDouble()
                                        : null) + "% against " + c.oldName())));
        return new Verdict(failures, warnings, passed);
    }

    private static String number(Double value) {
        if (value == null) {
            return "-";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString(value.longValue())
                : String.format(Locale.ROOT, "%.3f", value);
    }
}
