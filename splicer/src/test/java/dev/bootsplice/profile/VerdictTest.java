package dev.bootsplice.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.profile.CostModel.Op;
import dev.bootsplice.profile.ProfileReport.StrategyReport;
import dev.bootsplice.testing.SampleReports;
import org.junit.jupiter.api.Test;

class VerdictTest {
    @Test
    void cheapestStrategyWinsWithItsMarginOverTheRunnerUp() throws Exception {
        ProfileReport r = SampleReports.profile();
        Verdict v = r.verdict();
        long best = r.strategies().stream()
                .mapToLong(s -> s.bootCost().modeledNs())
                .min()
                .orElseThrow();
        assertThat(v.cheapestNs()).isEqualTo(best);
        assertThat(r.strategy(v.cheapest()).orElseThrow().bootCost().modeledNs())
                .isEqualTo(best);
        assertThat(v.runnerUpNs()).isGreaterThanOrEqualTo(best);
        assertThat(v.marginPct()).isEqualTo(100.0 * (v.runnerUpNs() - best) / v.runnerUpNs());
        assertThat(v.sentence()).startsWith(v.cheapest() + " is cheapest at boot");
    }

    @Test
    void verdictIsPartOfTheJsonReport() throws Exception {
        ProfileReport r = SampleReports.profile();
        assertThat(r.toTree().path("verdict").path("cheapest").asText())
                .isEqualTo(r.verdict().cheapest());
        assertThat(r.toTree().path("verdict").path("breakEven")).hasSize(Op.values().length);
        assertThat(ProfileReport.fromJson(r.toJson()).verdict()).isEqualTo(r.verdict());
    }

    @Test
    void everyKeysBreakEvenSwapsTheTwoCheapestExactlyThere() throws Exception {
        ProfileReport r = SampleReports.profile();
        Verdict v = r.verdict();
        StrategyReport first = r.strategy(v.cheapest()).orElseThrow();
        StrategyReport second = r.strategy(v.runnerUp()).orElseThrow();
        int checked = 0;
        for (Verdict.BreakEven e : v.breakEven()) {
            Op op = op(e.key());
            if (e.breakEvenNs() == null) {
                assertThat(e.note()).isNotBlank();
                continue;
            }
            double at = e.breakEvenNs();
            // just past the break-even: far enough that the per-operation rounding to whole ns cannot hide it
            double step = Math.max(at * 1e-9, 10.0 / Math.abs(e.countDelta()));
            double before = e.direction().equals("below") ? at + step : at - step;
            double after = e.direction().equals("below") ? at - step : at + step;
            assertThat(cheaperSecond(first, second, CostModel.defaults().with(op, before)))
                    .as(e.key() + " before")
                    .isFalse();
            assertThat(cheaperSecond(first, second, CostModel.defaults().with(op, after)))
                    .as(e.key() + " after")
                    .isTrue();
            checked++;
        }
        assertThat(checked).isPositive();
    }

    @Test
    void aProfileUnderTheFlippedCostNamesTheRunnerUpCheapest() throws Exception {
        ProfileReport r = SampleReports.profile();
        Verdict v = r.verdict();
        Verdict.BreakEven e = v.breakEven().stream()
                .filter(b -> b.breakEvenNs() != null)
                .findFirst()
                .orElseThrow();
        double past = e.direction().equals("below") ? e.breakEvenNs() * 0.9 : e.breakEvenNs() * 1.1 + 1;
        ProfileReport flipped = Profiler.profile(
                dev.bootsplice.testing.TestImages.image(
                        dev.bootsplice.testing.TestImages.zbi(
                                dev.bootsplice.testing.TestImages.adversarialFiles(),
                                dev.bootsplice.format.Compression.DEFAULT),
                        "a.zbi"),
                ProfileOptions.defaults()
                        .withStrategies(java.util.List.of(dev.bootsplice.splice.Strategy.values()))
                        .withCostModel(CostModel.defaults().with(op(e.key()), past))
                        .withRepetitions(new Repetitions(0, 1)));
        assertThat(flipped.strategy(v.runnerUp()).orElseThrow().bootCost().modeledNs())
                .isLessThan(
                        flipped.strategy(v.cheapest()).orElseThrow().bootCost().modeledNs());
    }

    @Test
    void keysBothStrategiesCountAlikeNeverFlipTheRanking() throws Exception {
        Verdict v = SampleReports.profile().verdict();
        assertThat(v.breakEven()).filteredOn(e -> e.countDelta() == 0).allSatisfy(e -> {
            assertThat(e.breakEvenNs()).isNull();
            assertThat(e.note()).isEqualTo("both count the same");
        });
        assertThat(v.robustness()).hasSize(Op.values().length).allSatisfy(line -> assertThat(line)
                .containsAnyOf("becomes cheaper than", "no value swaps"));
    }

    private static boolean cheaperSecond(StrategyReport first, StrategyReport second, CostModel m) {
        return CostBreakdown.total(CostBreakdown.counts(second), m)
                < CostBreakdown.total(CostBreakdown.counts(first), m);
    }

    private static Op op(String key) {
        for (Op op : Op.values()) {
            if (op.key().equals(key)) {
                return op;
            }
        }
        throw new IllegalArgumentException(key);
    }
}
