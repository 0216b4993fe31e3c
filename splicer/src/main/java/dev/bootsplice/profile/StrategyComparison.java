package dev.bootsplice.profile;

import dev.bootsplice.profile.ProfileReport.Comparison;
import dev.bootsplice.profile.ProfileReport.ComparisonRow;
import dev.bootsplice.profile.ProfileReport.StrategyReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The `comparison` section: every strategy against the baseline (clone when profiled, else the
 * first), with `cli.md`'s formulas; "lookup" is the lookup phase's modeled cost.
 */
final class StrategyComparison {
    private StrategyComparison() {}

    static Comparison of(List<StrategyReport> strategies) {
        StrategyReport base = strategies.stream()
                .filter(s -> s.name().equals("clone"))
                .findFirst()
                .orElse(strategies.get(0));
        List<ComparisonRow> rows = new ArrayList<>();
        for (StrategyReport s : strategies) {
            if (s != base) {
                rows.add(new ComparisonRow(
                        s.name(),
                        improvementPct(s.lookup().modeledNs(), base.lookup().modeledNs()),
                        changePct(s.setup().modeledNs(), base.setup().modeledNs()),
                        changePct(s.bootCost().modeledNs(), base.bootCost().modeledNs()),
                        changePct(s.memory().peakPages(), base.memory().peakPages())));
            }
        }
        return new Comparison(base.name(), rows);
    }

    /** {@code 100 × (value / baseline − 1)}; null when the baseline is 0. */
    static Double changePct(double value, double baseline) {
        return baseline == 0 ? null : 100.0 * (value / baseline - 1);
    }

    /** {@code 100 × (1 − value / baseline)}; null when the baseline is 0. */
    static Double improvementPct(double value, double baseline) {
        return baseline == 0 ? null : 100.0 * (1 - value / baseline);
    }
}
