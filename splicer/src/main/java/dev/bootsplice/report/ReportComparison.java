package dev.bootsplice.report;

import dev.bootsplice.profile.ProfileReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Two profile reports compared metric by metric, strategy by strategy. `compare` gates every
 * metric except measured wall times; `profile --max-regression` gates only
 * {@link #HEADLINE_METRICS}. A gated metric regressed when it grew by more than the threshold.
 */
public final class ReportComparison {
  /** The metrics `profile --max-regression` checks. */
  public static final Set<String> HEADLINE_METRICS =
      Set.of("bootCost.modeledNs", "lookup.hops.total", "setup.modeledNs");
  /** The `compare` command's default threshold, in percent. */
  public static final double DEFAULT_MAX_REGRESSION_PCT = 5.0;

  private final String oldName;
  private final String newName;
  // null: nothing is gated (a baseline shown without --max-regression)
  private final Double maxRegressionPct;
  private final List<MetricChange> changes;

  private ReportComparison(String oldName, String newName, Double maxRegressionPct,
      List<MetricChange> changes) {
    this.oldName = oldName;
    this.newName = newName;
    this.maxRegressionPct = maxRegressionPct;
    this.changes = List.copyOf(changes);
  }

  /** Compares every metric; all but measured wall times are gated at {@code maxRegressionPct}. */
  public static ReportComparison compare(ProfileReport oldReport, ProfileReport newReport,
      double maxRegressionPct) {
    return compare(oldReport, newReport, maxRegressionPct, m -> !Metrics.isMeasured(m));
  }

  /**
   * Compares every metric; only {@link #HEADLINE_METRICS} are gated (`profile --baseline`), and
   * nothing when {@code maxRegressionPct} is null.
   */
  public static ReportComparison headline(ProfileReport oldReport, ProfileReport newReport,
      Double maxRegressionPct) {
    if (maxRegressionPct == null) {
      return compare(oldReport, newReport, null, m -> false);
    }
    return compare(oldReport, newReport, maxRegressionPct, HEADLINE_METRICS::contains);
  }

  private static ReportComparison compare(ProfileReport oldReport, ProfileReport newReport,
      Double pct, Predicate<String> gated) {
    if (pct != null && (!(pct >= 0) || Double.isInfinite(pct))) {
      throw new IllegalArgumentException("max regression must be a finite percentage >= 0, was " + pct);
    }
    Map<String, Map<String, Double>> before = Metrics.all(oldReport);
    List<MetricChange> changes = new ArrayList<>();
    Metrics.all(newReport).forEach((strategy, metrics) -> {
      Map<String, Double> old = before.getOrDefault(strategy, Map.of());
      metrics.forEach((metric, value) ->
          changes.add(change(strategy, metric, old.get(metric), value, gated.test(metric), pct)));
    });
    return new ReportComparison(oldReport.image().path(), newReport.image().path(), pct, changes);
  }

  private static MetricChange change(String strategy, String metric, Double old, Double value,
      boolean gated, Double pct) {
    Double changePct = old == null || old == 0 ? null : 100.0 * (value / old - 1);
    boolean grew = old != null && pct != null && (changePct != null ? changePct > pct : value > 0);
    return new MetricChange(strategy, metric, old, value, changePct, gated, gated && grew);
  }

  /** Every metric of every strategy of the new report, in report order. */
  public List<MetricChange> changes() {
    return changes;
  }

  /** The gated metrics that grew by more than the threshold. */
  public List<MetricChange> regressions() {
    return changes.stream().filter(MetricChange::regressed).toList();
  }

  /** Whether any gated metric regressed (the check fails, exit 4). */
  public boolean regressed() {
    return changes.stream().anyMatch(MetricChange::regressed);
  }

  /** The threshold in percent, empty when nothing is gated. */
  public java.util.OptionalDouble maxRegressionPct() {
    return maxRegressionPct == null ? java.util.OptionalDouble.empty()
        : java.util.OptionalDouble.of(maxRegressionPct);
  }

  /** The old report's image path. */
  public String oldName() {
    return oldName;
  }

  /** The new report's image path. */
  public String newName() {
    return newName;
  }
}
