package dev.bootsplice.report;

import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.profile.ProfileReport.ComparisonRow;
import dev.bootsplice.profile.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tables every human-readable format shows, built once from a report and its context. */
final class ReportTables {
  private ReportTables() {}

  /** One line naming the image, trace and cost model. */
  static String headline(ProfileReport r) {
    ProfileReport.Image i = r.image();
    return String.format(Locale.ROOT,
        "%s: %,d files, %,d BOOTFS bytes (%,d pages), sha256 %s; trace %s (%,d page reads); cost model %s",
        i.path(), i.files(), i.bootfsBytes(), i.pages(), i.sha256(), r.trace().name(),
        r.trace().accesses(), r.costModel().describe());
  }

  /** How the measured times were taken, or that they are single runs of an older report. */
  static String measurement(ProfileReport r) {
    return r.measurement() == null ? "1 run per strategy (no spread recorded)"
        : r.measurement().describe();
  }

  /**
   * The verdict's robustness: per cost key, its cost now and the value at which the runner-up
   * becomes cheaper than the cheapest strategy (or why no value does); empty with one strategy.
   */
  static Table robustness(ProfileReport r) {
    Verdict v = r.verdict();
    Table t = new Table(List.of("cost key", "ns now", v.runnerUp() + " becomes cheaper", "factor"));
    for (Verdict.BreakEven e : v.breakEven()) {
      String at = e.breakEvenNs() == null ? "never (" + e.note() + ")"
          : e.direction() + " " + Metrics.format(Math.round(e.breakEvenNs() * 100) / 100.0) + " ns";
      String factor = e.breakEvenNs() == null || e.ns() == 0 ? "-"
          : "x" + Verdict.BreakEven.factor(e.breakEvenNs() / e.ns());
      t.row(List.of(e.key(), Metrics.format(e.ns()), at, factor));
    }
    return t;
  }

  /** Every metric down, every strategy across. */
  static Table sideBySide(ProfileReport r) {
    Map<String, Map<String, Double>> all = Metrics.all(r);
    List<String> header = new ArrayList<>(List.of("metric"));
    header.addAll(all.keySet());
    Table t = new Table(header);
    List<String> kernels = new ArrayList<>(List.of("kernel"));
    r.strategies().forEach(s -> kernels.add(kernelOf(s)));
    t.row(kernels);
    Map<String, Double> first = all.values().iterator().next();
    for (String metric : first.keySet()) {
      List<String> row = new ArrayList<>(List.of(metric));
      all.values().forEach(m -> row.add(Metrics.format(m.get(metric))));
      t.row(row);
    }
    return t;
  }

  /** The kernel a strategy's numbers are for; reports written before kernels were selectable lack it. */
  static String kernelOf(ProfileReport.StrategyReport s) {
    return s.kernel() == null ? "not recorded" : s.kernel().describe();
  }

  /** The report's `comparison` rows against its baseline strategy. */
  static Table strategies(ProfileReport r) {
    Table t = new Table(List.of("vs " + r.comparison().baseline(), "lookup improvement",
        "setup change", "boot cost change", "peak memory change"));
    for (ComparisonRow row : r.comparison().rows()) {
      t.row(List.of(row.strategy(), Metrics.pct(row.lookupImprovementPct()),
          Metrics.pct(row.setupChangePct()), Metrics.pct(row.bootCostChangePct()),
          Metrics.pct(row.peakMemoryChangePct())));
    }
    return t;
  }

  /** Every metric's change against an earlier report; gated regressions are flagged. */
  static Table changes(ReportComparison c) {
    Table t = new Table(List.of("strategy / metric", "old", "new", "change", "check"));
    for (MetricChange m : c.changes()) {
      t.row(List.of(m.strategy() + " " + m.metric(), Metrics.format(m.oldValue()),
          Metrics.format(m.newValue()), m.oldValue() == null ? "new" : Metrics.pct(m.changePct()),
          m.regressed() ? "REGRESSION" : m.gated() ? "ok" : Metrics.isMeasured(m.metric()) ? "noisy" : ""));
    }
    return t;
  }

  /** One line per budget. */
  static List<String> budgets(ReportContext context) {
    return context.budgets().stream().map(BudgetResult::message).toList();
  }

  /** One line describing the regression check of a comparison. */
  static String regressionSummary(ReportComparison c) {
    ReportComparison.Rule rule = c.rule();
    if (c.maxRegressionPct().isEmpty() && rule.measuredPct() == null) {
      return "no regression threshold given: changes shown, not checked";
    }
    String measured = rule.measuredPct() == null ? "measured times noisy, not checked"
        : String.format(Locale.ROOT, "measured medians checked at %.1f%% and outside the old spread",
            rule.measuredPct());
    String exact = c.maxRegressionPct().isEmpty() ? "exact metrics not checked"
        : String.format(Locale.ROOT, "exact ones at %.1f%%", c.maxRegressionPct().getAsDouble());
    return String.format(Locale.ROOT, "%d of %d checked metrics%s grew beyond their threshold (%s; %s)",
        c.regressions().size(), c.changes().stream().filter(MetricChange::gated).count(),
        rule.per().suffix(), exact, measured);
  }

}
