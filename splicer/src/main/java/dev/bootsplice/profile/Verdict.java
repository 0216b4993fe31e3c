package dev.bootsplice.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.bootsplice.profile.ProfileReport.StrategyReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which profiled strategy is cheapest at boot by modeled boot cost, by how much it beats the
 * runner-up, and how robust that ranking is: modeled cost is linear in every cost key, so for each
 * key alone there is one value (its {@link BreakEven}) at which the two cheapest strategies swap
 * places, or no non-negative value does; every report opens with {@link #sentence()}.
 *
 * <p>Ties are broken by the order the strategies were profiled in, so the verdict is deterministic.
 * With one strategy there is no runner-up, no margin and no break-even.
 */
@JsonPropertyOrder({"cheapest", "cheapestNs", "runnerUp", "runnerUpNs", "marginPct", "sentence", "breakEven"})
public record Verdict(
        String cheapest,
        long cheapestNs,
        String runnerUp,
        Long runnerUpNs,
        Double marginPct,
        List<BreakEven> breakEven) {

    public Verdict {
        breakEven = breakEven == null ? List.of() : List.copyOf(breakEven);
    }

    /**
     * The verdict of {@code strategies} (at least one), ranked by {@code bootCost.modeledNs}, with
     * break-even values under the costs {@code ns} (keyed as in the JSON; a missing key takes its
     * default).
     */
    public static Verdict of(List<StrategyReport> strategies, Map<String, Double> ns) {
        List<StrategyReport> ranked = strategies.stream()
                .sorted(Comparator.comparingLong(s -> s.bootCost().modeledNs()))
                .toList();
        StrategyReport first = ranked.get(0);
        if (ranked.size() == 1) {
            return new Verdict(first.name(), first.bootCost().modeledNs(), null, null, null, List.of());
        }
        StrategyReport second = ranked.get(1);
        long a = first.bootCost().modeledNs();
        long b = second.bootCost().modeledNs();
        Double margin = b == 0 ? null : 100.0 * (b - a) / b;
        return new Verdict(first.name(), a, second.name(), b, margin, BreakEven.of(first, second, ns));
    }

    /** One line for people: "transfer is cheapest at boot: 12.3% below clone-sharecount (...)". */
    @JsonProperty("sentence")
    public String sentence() {
        if (runnerUp == null) {
            return String.format(
                    Locale.ROOT, "%s: modeled boot cost %s (only strategy profiled)", cheapest, millis(cheapestNs));
        }
        String by = marginPct == null ? "ties" : String.format(Locale.ROOT, "%.1f%% below", marginPct);
        return String.format(
                Locale.ROOT,
                "%s is cheapest at boot: %s %s, %s %s against %s",
                cheapest,
                by,
                runnerUp,
                cheapest,
                millis(cheapestNs),
                millis(runnerUpNs));
    }

    /** One line per cost key: at which value it would swap the two cheapest, or why none does. */
    public List<String> robustness() {
        List<String> lines = new ArrayList<>();
        for (BreakEven e : breakEven) {
            lines.add(e.describe(cheapest, runnerUp));
        }
        return lines;
    }

    private static String millis(long ns) {
        return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
    }

    /**
     * One cost key's break-even between the cheapest strategy and the runner-up: with every other
     * cost fixed, the runner-up becomes strictly cheaper when the key's cost goes {@code direction}
     * ("above" or "below") {@code breakEvenNs}; both are null when no non-negative cost does it,
     * and {@code note} says why.
     *
     * @param key the cost key, e.g. {@code pageMove}
     * @param ns its cost in the report's model
     * @param countDelta the runner-up's count of the operation minus the cheapest's
     */
    @JsonPropertyOrder({"key", "ns", "countDelta", "breakEvenNs", "direction", "note"})
    public record BreakEven(String key, double ns, long countDelta, Double breakEvenNs, String direction, String note) {

        /** Every key's break-even between {@code first} (cheapest) and {@code second}. */
        static List<BreakEven> of(StrategyReport first, StrategyReport second, Map<String, Double> ns) {
            Map<CostModel.Op, Long> a = CostBreakdown.counts(first);
            Map<CostModel.Op, Long> b = CostBreakdown.counts(second);
            double gap = 0;
            for (CostModel.Op op : a.keySet()) {
                gap += CostModel.nsOrDefault(ns, op) * (b.get(op) - a.get(op));
            }
            List<BreakEven> all = new ArrayList<>();
            for (CostModel.Op op : a.keySet()) {
                all.add(one(op, CostModel.nsOrDefault(ns, op), b.get(op) - a.get(op), gap));
            }
            return all;
        }

        private static BreakEven one(CostModel.Op op, double c, long delta, double gap) {
            if (delta == 0) {
                return new BreakEven(op.key(), c, 0, null, null, "both count the same");
            }
            double at = c - gap / delta;
            if (at < 0) {
                return new BreakEven(
                        op.key(),
                        c,
                        delta,
                        null,
                        null,
                        String.format(Locale.ROOT, "only a negative cost (%.4g ns) would", at));
            }
            return new BreakEven(op.key(), c, delta, at, delta > 0 ? "below" : "above", null);
        }

        /** E.g. "pageMove 24 ns: clone-sharecount becomes cheaper above 42.1 ns (x1.75)". */
        String describe(String cheapest, String runnerUp) {
            String now = String.format(Locale.ROOT, "%s %s ns", key, number(ns));
            if (breakEvenNs == null) {
                return now + ": no value swaps " + cheapest + " and " + runnerUp + " (" + note + ")";
            }
            String factor = ns == 0 ? "" : " (x" + factor(breakEvenNs / ns) + ")";
            return String.format(
                    Locale.ROOT,
                    "%s: %s becomes cheaper than %s %s %s ns%s",
                    now,
                    runnerUp,
                    cheapest,
                    direction,
                    number(breakEvenNs),
                    factor);
        }

        /** A ratio with three significant digits, without an exponent. */
        public static String factor(double ratio) {
            return ratio >= 100
                    ? String.format(Locale.ROOT, "%,.0f", ratio)
                    : String.format(Locale.ROOT, "%.3g", ratio);
        }

        private static String number(double v) {
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return String.format(Locale.ROOT, "%,d", (long) v);
            }
            return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.1f" : "%.4g", v);
        }
    }
}
