package dev.bootsplice.profile;

import dev.bootsplice.profile.ProfileReport.StrategyReport;
import java.util.List;
import java.util.Objects;

/**
 * Folds the runs of one strategy into its report row: counts and modeled costs from the first run
 * (every run must count exactly the same, the model being deterministic), measured times as the
 * median over the runs with their spread ({@link Measured}).
 */
final class MeasuredRuns {
    private MeasuredRuns() {}

    /**
     * The row for {@code runs} (at least one) of one strategy.
     *
     * @throws IllegalStateException if two runs counted differently (a bug in the model)
     */
    static StrategyReport merge(List<StrategyReport> runs) {
        StrategyReport first = runs.get(0);
        List<Object> expected = counted(first);
        long[] setup = new long[runs.size()];
        long[] lookup = new long[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            StrategyReport run = runs.get(i);
            if (!counted(run).equals(expected)) {
                throw new IllegalStateException("strategy " + first.name() + ": run " + (i + 1)
                        + " counted differently from run 1; the model must be deterministic");
            }
            setup[i] = run.setup().measuredNs();
            lookup[i] = run.lookup().measuredNs();
        }
        Measured measured = new Measured(runs.size(), Measured.Phase.of(setup), Measured.Phase.of(lookup));
        return new StrategyReport(
                first.name(),
                first.kernel(),
                first.setup()
                        .withCosts(first.setup().modeledNs(), measured.setup().medianNs()),
                first.lookup()
                        .withCosts(first.lookup().modeledNs(), measured.lookup().medianNs()),
                first.memory(),
                first.bootCost(),
                first.distribution(),
                measured);
    }

    /** {@code r} without its measured times: what every run must agree on. */
    private static List<Object> counted(StrategyReport r) {
        return List.of(
                r.name(),
                Objects.toString(r.kernel()),
                r.setup().withCosts(r.setup().modeledNs(), 0),
                r.lookup().withCosts(r.lookup().modeledNs(), 0),
                r.memory(),
                r.bootCost());
    }
}
