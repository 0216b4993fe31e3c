package dev.bootsplice.report;

import dev.bootsplice.profile.ProfileReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Two profile reports compared metric by metric, strategy by strategy, by a {@link Rule}: counts
 * and modeled costs are exact and gated at {@code maxRegressionPct}; measured wall times are noisy
 * and gated only when a measured threshold is given, and then a median regresses only when it grew
 * by more than that threshold <em>and</em> lies above the old report's largest run (outside its
 * spread). `compare` gates every exact metric, `profile --max-regression` only
 * {@link #HEADLINE_METRICS}.
 */
public final class ReportComparison {
    /** The metrics `profile --max-regression` checks. */
    public static final Set<String> HEADLINE_METRICS =
            Set.of("bootCost.modeledNs", "lookup.hops.total", "setup.modeledNs");
    /** The `compare` command's default threshold, in percent. */
    public static final double DEFAULT_MAX_REGRESSION_PCT = 5.0;

    /**
     * What is gated: exact metrics at {@code maxRegressionPct} (null: nothing gated), measured
     * medians at {@code measuredPct} (null: not gated), only the headline metrics when
     * {@code headlineOnly}, after scaling both reports {@code per} file or MiB.
     */
    public record Rule(Double maxRegressionPct, Double measuredPct, boolean headlineOnly, MetricTable.Per per) {

        /**
         * A rule as given.
         *
         * @throws IllegalArgumentException if a threshold is negative or not finite
         */
        public Rule {
            check(maxRegressionPct, "max regression");
            check(measuredPct, "measured regression");
            per = per == null ? MetricTable.Per.NONE : per;
        }

        private static void check(Double pct, String what) {
            if (pct != null && (!(pct >= 0) || Double.isInfinite(pct))) {
                throw new IllegalArgumentException(what + " must be a finite percentage >= 0, was " + pct);
            }
        }
    }

    private final String oldName;
    private final String newName;
    private final Rule rule;
    private final List<MetricChange> changes;

    private ReportComparison(String oldName, String newName, Rule rule, List<MetricChange> changes) {
        this.oldName = oldName;
        this.newName = newName;
        this.rule = rule;
        this.changes = List.copyOf(changes);
    }

    /** Compares every metric; all but measured wall times are gated at {@code maxRegressionPct}. */
    public static ReportComparison compare(ProfileReport oldReport, ProfileReport newReport, double maxRegressionPct) {
        return compare(
                MetricTable.of(oldReport),
                MetricTable.of(newReport),
                new Rule(maxRegressionPct, null, false, MetricTable.Per.NONE));
    }

    /**
     * Compares every metric; only {@link #HEADLINE_METRICS} are gated (`profile --baseline`), and
     * nothing when {@code maxRegressionPct} is null.
     */
    public static ReportComparison headline(ProfileReport oldReport, ProfileReport newReport, Double maxRegressionPct) {
        return compare(
                MetricTable.of(oldReport),
                MetricTable.of(newReport),
                new Rule(maxRegressionPct, null, true, MetricTable.Per.NONE));
    }

    /**
     * Compares {@code newTable} with {@code oldTable} by {@code rule}.
     *
     * @throws IllegalArgumentException if the rule scales per file or MiB and a report lacks the
     *     image's file count or size
     */
    public static ReportComparison compare(MetricTable oldTable, MetricTable newTable, Rule rule) {
        Map<String, Map<String, Double>> before = oldTable.per(rule.per()).metrics();
        Map<String, Map<String, Double>> unscaledBefore = oldTable.metrics();
        Predicate<String> exact = rule.maxRegressionPct() == null
                ? m -> false
                : rule.headlineOnly()
                        ? m -> HEADLINE_METRICS.contains(Metrics.unscaled(m))
                        : m -> !Metrics.isMeasured(m);
        List<MetricChange> changes = new ArrayList<>();
        newTable.per(rule.per()).metrics().forEach((strategy, metrics) -> {
            Map<String, Double> old = before.getOrDefault(strategy, Map.of());
            Map<String, Double> oldRaw = unscaledBefore.getOrDefault(strategy, Map.of());
            metrics.forEach((metric, value) -> {
                Double was = old.get(metric);
                if (exact.test(metric)) {
                    changes.add(change(strategy, metric, was, value, true, grew(was, value, rule.maxRegressionPct())));
                } else if (rule.measuredPct() != null && Metrics.isMeasuredMedian(metric)) {
                    boolean grew = grew(was, value, rule.measuredPct())
                            && aboveOldSpread(metric, oldRaw, value, oldTable, rule.per());
                    changes.add(change(strategy, metric, was, value, true, grew));
                } else {
                    changes.add(change(strategy, metric, was, value, false, false));
                }
            });
        });
        return new ReportComparison(oldTable.name(), newTable.name(), rule, changes);
    }

    /** Whether a value grew from {@code old} by more than {@code pct} (from 0 to more counts). */
    private static boolean grew(Double old, double value, double pct) {
        if (old == null) {
            return false;
        }
        return old == 0 ? value > 0 : 100.0 * (value / old - 1) > pct;
    }

    /**
     * Whether a measured median lies above the old report's largest run of that phase (scaled
     * alike); true when the old report recorded no spread.
     */
    private static boolean aboveOldSpread(
            String metric, Map<String, Double> oldRaw, double value, MetricTable oldTable, MetricTable.Per per) {
        String phase = Metrics.unscaled(metric).replace(".measuredNs", "");
        Double max = oldRaw.get("measured." + phase + ".maxNs");
        if (max == null) {
            return true;
        }
        double scaledMax = per == MetricTable.Per.NONE ? max : max / oldTable.divisor(per);
        return value > scaledMax;
    }

    private static MetricChange change(
            String strategy, String metric, Double old, Double value, boolean gated, boolean regressed) {
        Double changePct = old == null || old == 0 ? null : 100.0 * (value / old - 1);
        return new MetricChange(strategy, metric, old, value, changePct, gated, regressed);
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

    /** The threshold for exact metrics in percent, empty when nothing is gated. */
    public java.util.OptionalDouble maxRegressionPct() {
        return rule.maxRegressionPct() == null
                ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of(rule.maxRegressionPct());
    }

    /** The threshold in percent {@code m} was checked at (the measured one for measured medians). */
    public double thresholdOf(MetricChange m) {
        Double pct = Metrics.isMeasuredMedian(m.metric()) ? rule.measuredPct() : rule.maxRegressionPct();
        return pct == null ? 0 : pct;
    }

    /** The rule the reports were compared by. */
    public Rule rule() {
        return rule;
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
