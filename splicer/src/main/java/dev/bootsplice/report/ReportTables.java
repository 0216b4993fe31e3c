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
        return String.format(
                Locale.ROOT,
                "%s: %s, %,d BOOTFS bytes (%s), sha256 %s; trace %s (%s); cost model %s",
                i.path(),
                Units.count(i.files(), "file"),
                i.bootfsBytes(),
                Units.count(i.pages(), "page"),
                i.sha256(),
                r.trace().name(),
                Units.count(r.trace().accesses(), "page read"),
                r.costModel().describe());
    }

    /** How the measured times were taken, or that they are single runs of an older report. */
    static String measurement(ProfileReport r) {
        return r.measurement() == null
                ? "1 run per strategy (no spread recorded)"
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
            String at = e.breakEvenNs() == null
                    ? "never (" + e.note() + ")"
                    : e.direction() + " " + Metrics.format(Math.round(e.breakEvenNs() * 100) / 100.0) + " ns";
            String factor = e.breakEvenNs() == null || e.ns() == 0
                    ? "-"
                    : "x" + Verdict.BreakEven.factor(e.breakEvenNs() / e.ns());
            t.row(List.of(e.key(), Metrics.format(e.ns()), at, factor));
        }
        return t;
    }

    /** Every metric down, every strategy across. */
    static Table sideBySide(ProfileReport r) {
        return sideBySide(r, m -> true);
    }

    /** The metrics {@code shown} selects down, every strategy across (columns in report order). */
    static Table sideBySide(ProfileReport r, java.util.function.Predicate<String> shown) {
        Map<String, Map<String, Double>> all = Metrics.all(r);
        Table t = new Table(header("metric", r));
        List<String> kernels = new ArrayList<>(List.of("kernel"));
        r.strategies().forEach(s -> kernels.add(kernelOf(s)));
        t.row(kernels);
        Map<String, Double> first = all.values().iterator().next();
        for (String metric : first.keySet()) {
            if (shown.test(metric)) {
                List<String> row = new ArrayList<>(List.of(metric));
                all.values().forEach(m -> row.add(Metrics.format(m.get(metric))));
                t.row(row);
            }
        }
        return t;
    }

    /** A header of {@code first} and one column per strategy, in report order. */
    static List<String> header(String first, ProfileReport r) {
        List<String> header = new ArrayList<>(List.of(first));
        r.strategies().forEach(s -> header.add(column(s)));
        return header;
    }

    /** The column title of a strategy. */
    static String column(ProfileReport.StrategyReport s) {
        return s.name();
    }

    /** The few numbers that tell the story, one row each, every strategy across. */
    static Table keyMetrics(ProfileReport r) {
        Table t = new Table(header("modeled, per strategy", r));
        t.row(row("boot cost", r, s -> Units.millis(s.bootCost().modeledNs())));
        t.row(row("setup", r, s -> Units.millis(s.setup().modeledNs())));
        t.row(row("lookup", r, s -> Units.millis(s.lookup().modeledNs())));
        t.row(row("hops p50", r, s -> Metrics.format((double) s.lookup().hops().p50())));
        t.row(row("hops p99", r, s -> Metrics.format((double) s.lookup().hops().p99())));
        t.row(row("hops max", r, s -> Metrics.format((double) s.lookup().hops().max())));
        t.row(row("peak pages", r, s -> Metrics.format((double) s.memory().peakPages())));
        return t;
    }

    private static List<String> row(
            String name, ProfileReport r, java.util.function.Function<ProfileReport.StrategyReport, String> cell) {
        List<String> row = new ArrayList<>(List.of(name));
        r.strategies().forEach(s -> row.add(cell.apply(s)));
        return row;
    }

    /** One line of image facts under its short name: files, BOOTFS size, trace, cost model. */
    static String facts(ProfileReport r) {
        ProfileReport.Image i = r.image();
        return String.format(
                Locale.ROOT,
                "%s, %s BOOTFS (%s); trace %s (%s); cost model %s",
                Units.count(i.files(), "file"),
                Units.bytes(i.bootfsBytes()),
                Units.count(i.pages(), "page"),
                r.trace().name(),
                Units.count(r.trace().accesses(), "page read"),
                r.costModel().name());
    }

    /** One part of the check summary: its words and whether it failed (null: shown, not gated). */
    record SummaryPart(String text, Boolean failed) {
        /** The words after their mark, "✅ 2 budgets passed", or alone when nothing was gated. */
        String marked() {
            return failed == null ? text : (failed ? "❌ " : "✅ ") + text;
        }
    }

    /**
     * The checks in a few words: "2 budgets passed", "1 of 3 budgets failed" (failed),
     * "2 regressions against old.json" (failed); empty when nothing was checked.
     */
    static List<SummaryPart> checkSummary(ReportContext context) {
        List<SummaryPart> parts = new ArrayList<>();
        long budgets = context.budgets().size() + context.sizeBudgets().size();
        long failed = context.checks().stream()
                .filter(c -> c.failed() && !c.kind().equals("regression"))
                .count();
        if (budgets > 0) {
            parts.add(new SummaryPart(Check.budgetSummary(budgets, failed), failed > 0));
        }
        context.baseline().ifPresent(c -> {
            String against = " against " + Units.fileName(c.oldName());
            if (c.maxRegressionPct().isEmpty()) {
                parts.add(new SummaryPart("compared" + against + " (no threshold)", null));
            } else if (c.regressed()) {
                parts.add(new SummaryPart(Units.count(c.regressions().size(), "regression") + against, true));
            } else {
                parts.add(new SummaryPart("no regression" + against, false));
            }
        });
        return parts;
    }

    /** The kernel a strategy's numbers are for; reports written before kernels were selectable lack it. */
    static String kernelOf(ProfileReport.StrategyReport s) {
        return s.kernel() == null ? "not recorded" : s.kernel().describe();
    }

    /** The report's `comparison` rows against its baseline strategy. */
    static Table strategies(ProfileReport r) {
        Table t = new Table(List.of(
                "vs " + r.comparison().baseline(),
                "lookup improvement",
                "setup change",
                "boot cost change",
                "peak memory change"));
        for (ComparisonRow row : r.comparison().rows()) {
            t.row(List.of(
                    row.strategy(),
                    Metrics.pct(row.lookupImprovementPct()),
                    Metrics.pct(row.setupChangePct()),
                    Metrics.pct(row.bootCostChangePct()),
                    Metrics.pct(row.peakMemoryChangePct())));
        }
        return t;
    }

    /** Every metric's change against an earlier report; gated regressions are flagged. */
    static Table changes(ReportComparison c) {
        return changes(c, false);
    }

    /** The changes; with {@code changedOnly} just the metrics that changed and the regressions. */
    static Table changes(ReportComparison c, boolean changedOnly) {
        Table t = new Table(List.of("strategy / metric", "old", "new", "change", "check"));
        for (MetricChange m : c.changes()) {
            if (changedOnly && !changed(m)) {
                continue;
            }
            t.row(List.of(
                    m.strategy() + " " + m.metric(),
                    Metrics.format(m.oldValue()),
                    Metrics.format(m.newValue()),
                    m.oldValue() == null ? "new" : Metrics.pct(m.changePct()),
                    m.regressed() ? "REGRESSION" : m.gated() ? "ok" : Metrics.isMeasured(m.metric()) ? "noisy" : ""));
        }
        return t;
    }

    private static boolean changed(MetricChange m) {
        return m.regressed() || m.oldValue() == null || !m.oldValue().equals(m.newValue());
    }

    /** "84 unchanged metrics not shown" (or "every metric changed"). */
    static String unchangedNote(ReportComparison c) {
        long same = c.changes().stream().filter(m -> !changed(m)).count();
        return same == 0 ? "every metric changed" : Units.count(same, "unchanged metric") + " not shown";
    }

    /** One line describing the regression check of a comparison. */
    static String regressionSummary(ReportComparison c) {
        ReportComparison.Rule rule = c.rule();
        if (c.maxRegressionPct().isEmpty() && rule.measuredPct() == null) {
            return "no regression threshold given: changes shown, not checked";
        }
        String measured = rule.measuredPct() == null
                ? "measured times noisy, not checked"
                : String.format(
                        Locale.ROOT,
                        "measured medians checked at %.1f%% and outside the old spread",
                        rule.measuredPct());
        String exact = c.maxRegressionPct().isEmpty()
                ? "exact metrics not checked"
                : String.format(
                        Locale.ROOT,
                        "exact ones at %.1f%%",
                        c.maxRegressionPct().getAsDouble());
        return String.format(
                Locale.ROOT,
                "%d of %d checked metrics%s grew beyond their threshold (%s; %s)",
                c.regressions().size(),
                c.changes().stream().filter(MetricChange::gated).count(),
                rule.per().suffix(),
                exact,
                measured);
    }
}
