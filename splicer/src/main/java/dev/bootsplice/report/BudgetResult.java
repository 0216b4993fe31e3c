package dev.bootsplice.report;

import java.util.Locale;

/**
 * A budget evaluated on a report: the metric's value, the limit it was compared with (the
 * number, or the other metric times its factor) and whether the budget failed (its expression
 * held).
 */
public record BudgetResult(Budget budget, double actual, double limit, boolean failed) {

    /**
     * One line: {@code transfer.lookup.hops.max>0: actual 0 (ok)}, or with a computed limit
     * {@code ...: actual 1,234 against 1,500 (FAILED)}.
     */
    public String message() {
        String against = budget.isRelative() ? " against " + Metrics.format(limit) : "";
        return String.format(
                Locale.ROOT,
                "%s: actual %s%s (%s)",
                budget.text(),
                Metrics.format(actual),
                against,
                failed ? "FAILED" : "ok");
    }
}
