package dev.bootsplice.report;

import java.util.Locale;

/** A budget evaluated on a report: the metric's value and whether the budget failed (its expression held). */
public record BudgetResult(Budget budget, double actual, boolean failed) {

  /** One line: {@code transfer.lookup.hops.max>0: actual 0 (ok)} or {@code ... (FAILED)}. */
  public String message() {
    return String.format(Locale.ROOT, "%s: actual %s (%s)", budget.text(), Metrics.format(actual),
        failed ? "FAILED" : "ok");
  }
}
