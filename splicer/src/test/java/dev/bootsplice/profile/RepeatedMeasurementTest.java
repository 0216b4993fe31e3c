package dev.bootsplice.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.profile.ProfileReport.StrategyReport;
import dev.bootsplice.splice.Strategy;
import dev.bootsplice.testing.TestImages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepeatedMeasurementTest {
    private static ZbiImage image() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(TestImages.adversarialFiles());
        for (int i = 0; i < 40; i++) {
            files.put("lib/part-" + i, TestImages.tagged(6, i, i));
        }
        return TestImages.image(TestImages.zbi(files, Compression.DEFAULT), "repeat.zbi");
    }

    @Test
    void eachRoundStartsOneCaseLater() throws Exception {
        List<Integer> order = new ArrayList<>();
        List<Rounds.Case<Integer>> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int id = i;
            cases.add(() -> {
                order.add(id);
                return order.size();
            });
        }
        Rounds.Outcome<Integer> outcome = Rounds.run(cases, new Repetitions(0, 3));
        assertThat(order).containsExactly(0, 1, 2, 1, 2, 0, 2, 0, 1);
        assertThat(outcome.warmUpRounds()).isZero();
        List<List<Integer>> results = outcome.results();
        assertThat(results).hasSize(3);
        assertThat(results.get(0)).containsExactly(1, 6, 8);
        assertThat(results.get(1)).containsExactly(2, 4, 9);
        assertThat(results.get(2)).containsExactly(3, 5, 7);
    }

    @Test
    void warmUpRunsAtLeastItsRoundsAndItsMinimumTimeAndIsDropped() throws Exception {
        List<Long> times = new ArrayList<>();
        Rounds.Case<Long> one = () -> {
            times.add(System.nanoTime());
            return (long) times.size();
        };
        Rounds.Outcome<Long> outcome = Rounds.run(List.of(one), new Repetitions(1, 2));
        assertThat(outcome.warmUpRounds()).isBetween(1, Rounds.WARM_UP_MAX_ROUNDS);
        assertThat(times).hasSize(outcome.warmUpRounds() + 2);
        assertThat(outcome.results().get(0)).containsExactly((long) times.size() - 1, (long) times.size());
        if (outcome.warmUpRounds() < Rounds.WARM_UP_MAX_ROUNDS) {
            assertThat(times.get(outcome.warmUpRounds()) - times.get(0))
                    .isGreaterThanOrEqualTo(Rounds.WARM_UP_MIN_NANOS - 10_000_000L);
        }
    }

    @Test
    void automaticRepetitionsShrinkWithTheImageDownToOneRunWithoutWarmUp() {
        assertThat(Repetitions.forPages(13)).isEqualTo(new Repetitions(1, 5));
        assertThat(Repetitions.forPages(13_801)).as("core-x64").isEqualTo(new Repetitions(1, 3));
        assertThat(Repetitions.forPages(262_144)).as("1 GiB").isEqualTo(new Repetitions(0, 1));
        assertThat(Repetitions.AUTO.resolve(13_801)).isEqualTo(new Repetitions(1, 3));
        assertThat(new Repetitions(0, 2).resolve(13_801)).isEqualTo(new Repetitions(0, 2));
        assertThatThrownBy(() -> new Repetitions(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Repetitions(-2, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReportSaysHowManyRunsAndKeepsEveryRunsTimeWithTheMedianAsMeasuredNs() throws Exception {
        ProfileReport r = Profiler.profile(image(), ProfileOptions.defaults().withRepetitions(new Repetitions(1, 4)));
        assertThat(r.measurement().rounds()).isEqualTo(4);
        assertThat(r.measurement().warmUpRounds()).isPositive();
        assertThat(r.measurement().describe()).contains("median of 4 interleaved runs", "warm-up round");
        for (StrategyReport s : r.strategies()) {
            Measured m = s.measured();
            assertThat(m.runs()).isEqualTo(4);
            assertThat(m.setup().samplesNs()).hasSize(4);
            List<Long> sorted = m.setup().samplesNs().stream().sorted().toList();
            assertThat(s.setup().measuredNs())
                    .isEqualTo(sorted.get(1))
                    .isEqualTo(m.setup().medianNs());
            assertThat(m.setup().minNs()).isEqualTo(sorted.get(0));
            assertThat(m.setup().maxNs()).isEqualTo(sorted.get(3));
            assertThat(s.lookup().measuredNs()).isEqualTo(m.lookup().medianNs());
        }
    }

    @Test
    void oppositeOrdersGiveIdenticalCountsAndMedianWithinTheOtherOrdersSpread() throws Exception {
        ZbiImage image = image();
        List<Strategy> forward = List.of(Strategy.values());
        List<Strategy> backward = new ArrayList<>(forward);
        java.util.Collections.reverse(backward);
        Repetitions reps = new Repetitions(1, 9);
        // a first profile in this JVM, as a run of the command would have compiled the model before: what
        // is checked is the order of the strategies within one profile, not the JIT of the test JVM
        Profiler.profile(
                image, ProfileOptions.defaults().withStrategies(forward).withRepetitions(reps));
        ProfileReport a = Profiler.profile(
                image, ProfileOptions.defaults().withStrategies(forward).withRepetitions(reps));
        ProfileReport b = Profiler.profile(
                image, ProfileOptions.defaults().withStrategies(backward).withRepetitions(reps));
        for (Strategy s : forward) {
            StrategyReport x = a.strategy(s.cliName()).orElseThrow();
            StrategyReport y = b.strategy(s.cliName()).orElseThrow();
            assertThat(counted(x)).as(s.cliName()).isEqualTo(counted(y));
            assertThat(oneMedianWithinTheOthersSpread(
                            x.measured().setup(), y.measured().setup()))
                    .as(
                            "%s setup %s vs %s",
                            s.cliName(), x.measured().setup(), y.measured().setup())
                    .isTrue();
            assertThat(oneMedianWithinTheOthersSpread(
                            x.measured().lookup(), y.measured().lookup()))
                    .as(
                            "%s lookup %s vs %s",
                            s.cliName(), x.measured().lookup(), y.measured().lookup())
                    .isTrue();
        }
    }

    /**
     * The two medians lie within the reported spread of each other: they differ by no more than the
     * wider of the two min-max spreads (on this shared 2-core machine a phase of 50-200 us moves by
     * tens of microseconds between profiles whenever another build takes the core).
     */
    private static boolean oneMedianWithinTheOthersSpread(Measured.Phase x, Measured.Phase y) {
        long spread = Math.max(x.maxNs() - x.minNs(), y.maxNs() - y.minNs());
        return Math.abs(x.medianNs() - y.medianNs()) <= spread;
    }

    /** The strategy's JSON without its measured parts. */
    private static JsonNode counted(StrategyReport s) {
        ObjectNode tree = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(s);
        tree.remove("measured");
        ((ObjectNode) tree.get("setup")).remove("measuredNs");
        ((ObjectNode) tree.get("lookup")).remove("measuredNs");
        return tree;
    }

    @Test
    void runsThatCountDifferentlyAreABug() {
        StrategyReport one = new StrategyReport(
                "copy",
                null,
                new ProfileReport.Setup(1, 1, 0, 1, 1, 1, 0, 0, 10, 5),
                new ProfileReport.Lookup(1, new ProfileReport.Hops(0, 0, 0, 0, 0, 0), 7, 3),
                new ProfileReport.Memory(1, 1),
                new ProfileReport.BootCost(17),
                null);
        StrategyReport other = new StrategyReport(
                "copy",
                null,
                new ProfileReport.Setup(2, 1, 0, 1, 1, 1, 0, 0, 10, 5),
                one.lookup(),
                one.memory(),
                one.bootCost(),
                null);
        assertThat(MeasuredRuns.merge(List.of(one, one)).measured().runs()).isEqualTo(2);
        assertThatThrownBy(() -> MeasuredRuns.merge(List.of(one, other)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run 2 counted differently");
    }
}
