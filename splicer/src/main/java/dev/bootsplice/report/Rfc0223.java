package dev.bootsplice.report;

import dev.bootsplice.profile.CostBreakdown;
import dev.bootsplice.profile.CostModel;
import dev.bootsplice.profile.CostModel.Op;
import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.profile.ProfileReport.StrategyReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RFC-0223's performance claims ({@code shared/spec/rfc-0223-zx_vmo_transfer_data.txt},
 * "Performance") beside the profiler's figures for one image under several cost models: the
 * counts come from one profile (they do not depend on costs), each model prices them. Nothing is
 * tuned to match; each claim has a stated test, and where a model's figure fails it the report
 * says why, from the counts.
 *
 * <ol>
 *   <li>"~20% improvement in bootfs lookup" from clone chains to transfer: the lookup phase's
 *       modeled cost, {@code 100 × (1 − transfer/clone)}; agrees within 10 points of 20%.</li>
 *   <li>copies "regress startup time of the system by up to 70%": copy's boot cost against
 *       clone's, {@code 100 × (copy/clone − 1)}; agrees when above 0 and at most 70%.</li>
 *   <li>transfer "recoups most of this regression": the share of copy's extra setup cost over
 *       clone's that transfer does not pay; agrees above 50%.</li>
 * </ol>
 */
public final class Rfc0223 {
    /** One model's figures for the three claims (null when a strategy's baseline is 0). */
    public record Figures(
            String model,
            String source,
            Double lookupImprovementPct,
            Double copyBootChangePct,
            Double copySetupChangePct,
            Double recoupedPct,
            List<String> notes) {}

    private final ProfileReport report;
    private final List<Figures> figures;

    private Rfc0223(ProfileReport report, List<Figures> figures) {
        this.report = report;
        this.figures = List.copyOf(figures);
    }

    /**
     * The claims for {@code report} (which must hold clone, copy and transfer) under each model.
     *
     * @throws IllegalArgumentException if a strategy is missing
     */
    public static Rfc0223 of(ProfileReport report, List<CostModel> models) {
        StrategyReport clone = need(report, "clone");
        StrategyReport copy = need(report, "copy");
        StrategyReport transfer = need(report, "transfer");
        List<Figures> all = new ArrayList<>();
        for (CostModel m : models) {
            all.add(figures(clone, copy, transfer, m));
        }
        return new Rfc0223(report, all);
    }

    private static StrategyReport need(ProfileReport r, String name) {
        return r.strategy(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "RFC-0223's claims compare clone, copy and transfer; " + name + " was not profiled"));
    }

    /** The three figures of one model, priced from the counts, with notes where a claim fails. */
    private static Figures figures(StrategyReport clone, StrategyReport copy, StrategyReport transfer, CostModel m) {
        Phases c = Phases.of(clone, m);
        Phases p = Phases.of(copy, m);
        Phases t = Phases.of(transfer, m);
        Double lookup = c.lookup == 0 ? null : 100 * (1 - (double) t.lookup / c.lookup);
        Double boot = c.boot() == 0 ? null : 100 * ((double) p.boot() / c.boot() - 1);
        Double setup = c.setup == 0 ? null : 100 * ((double) p.setup / c.setup - 1);
        Double recouped = p.setup <= c.setup ? null : 100 * (double) (p.setup - t.setup) / (p.setup - c.setup);
        List<String> notes = new ArrayList<>();
        if (lookup == null || Math.abs(lookup - 20) > 10) {
            notes.add(lookupNote(clone, c, m, lookup));
        }
        if (boot == null || boot <= 0 || boot > 70) {
            notes.add(copyNote(c, p, boot));
        }
        if (recouped == null || recouped <= 50) {
            notes.add(recoupNote(c, p, t, recouped));
        }
        return new Figures(m.name(), m.source(), lookup, boot, setup, recouped, notes);
    }

    /** A strategy's modeled setup and lookup cost under one model. */
    private record Phases(long setup, long lookup, long hopsNs) {
        static Phases of(StrategyReport s, CostModel m) {
            Map<Op, Long> setup = CostBreakdown.setup(s.setup(), m);
            Map<Op, Long> lookup = CostBreakdown.lookup(s.lookup(), m);
            return new Phases(CostBreakdown.sum(setup), CostBreakdown.sum(lookup), lookup.get(Op.LOOKUP_HOP));
        }

        long boot() {
            return setup + lookup;
        }
    }

    private static String lookupNote(StrategyReport clone, Phases c, CostModel m, Double pct) {
        long hops = clone.lookup().hops().total();
        long reads = clone.lookup().accesses();
        String at = hops == 0
                ? "no lookupHop would, as clone walks no hop"
                : String.format(
                        Locale.ROOT,
                        "it would be 20%% at lookupHop = %.2f ns (pageFault fixed)",
                        0.25 * reads * m.ns(Op.PAGE_FAULT) / hops);
        return String.format(
                Locale.ROOT,
                "lookup: %s: transfer walks no hop, so its gain is the hops' share "
                        + "of clone's lookup (%,d hops over %,d reads, mean %.1f, cost %s of %s); the RFC's figure was "
                        + "a device's whole bootfs lookup path, not one read per page; %s",
                verdictOf(pct, "differs from ~20%"),
                hops,
                reads,
                clone.lookup().hops().mean(),
                Units.millis(c.hopsNs),
                Units.millis(c.lookup),
                at);
    }

    private static String copyNote(Phases c, Phases p, Double pct) {
        return String.format(
                Locale.ROOT,
                "copy: %s: copy's extra setup (%s) against the lookup it saves "
                        + "(%s); the RFC measured the whole system's startup, of which BOOTFS is a part, while this "
                        + "boot cost is the BOOTFS splice and one read of every traced page only",
                verdictOf(pct, "outside (0, 70%]"),
                Units.millis(p.setup - c.setup),
                Units.millis(c.lookup - p.lookup));
    }

    private static String recoupNote(Phases c, Phases p, Phases t, Double pct) {
        if (pct == null) {
            return "recoup: copy's setup is not above clone's under this model, so there is no regression to recoup";
        }
        return String.format(
                Locale.ROOT,
                "recoup: %.1f%% only: transfer's setup (%s) is close to copy's "
                        + "(%s) against clone's (%s): moving a page costs nearly as much as copying it here",
                pct,
                Units.millis(t.setup),
                Units.millis(p.setup),
                Units.millis(c.setup));
    }

    private static String verdictOf(Double pct, String why) {
        return pct == null ? "no figure (clone's cost is 0)" : String.format(Locale.ROOT, "%.1f%% %s", pct, why);
    }

    /** The figures, one per model, in the order given. */
    public List<Figures> figures() {
        return figures;
    }

    /** The claims side by side as text: a table, then each model's source and notes. */
    public void write(PrintWriter out) {
        out.println("RFC-0223 claims beside the profiler: " + report.image().path() + ", trace "
                + report.trace().name() + " (counts exact; each model prices the same counts, none tuned to match)");
        out.println();
        List<String> header = new ArrayList<>(List.of("claim", "RFC"));
        figures.forEach(f -> header.add(f.model()));
        Table t = new Table(header);
        t.row(row("bootfs lookup, transfer vs clone chains", "~20% faster", f -> faster(f.lookupImprovementPct())));
        t.row(row(
                "  agrees (10-30%)",
                "", f -> yes(f.lookupImprovementPct() != null && Math.abs(f.lookupImprovementPct() - 20) <= 10)));
        t.row(row("boot time, copy vs clone", "up to +70%", f -> Metrics.pct(f.copyBootChangePct())));
        t.row(row("  (setup only, copy vs clone)", "", f -> Metrics.pct(f.copySetupChangePct())));
        t.row(row(
                "  agrees (0 to +70%)",
                "",
                f -> yes(f.copyBootChangePct() != null && f.copyBootChangePct() > 0 && f.copyBootChangePct() <= 70)));
        t.row(row(
                "copy's setup regression transfer recoups",
                "most",
                f -> f.recoupedPct() == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", f.recoupedPct())));
        t.row(row("  agrees (> 50%)", "", f -> yes(f.recoupedPct() != null && f.recoupedPct() > 50)));
        out.print(t.toText());
        for (Figures f : figures) {
            out.println();
            out.println(f.model() + ": " + f.source());
            if (f.notes().isEmpty()) {
                out.println("  agrees with all three claims");
            }
            f.notes().forEach(n -> out.println("  disagrees: " + n));
        }
    }

    private List<String> row(String claim, String rfc, java.util.function.Function<Figures, String> cell) {
        List<String> row = new ArrayList<>(List.of(claim, rfc));
        figures.forEach(f -> row.add(cell.apply(f)));
        return row;
    }

    private static String faster(Double pct) {
        return pct == null ? "n/a" : String.format(Locale.ROOT, "%.1f%% faster", pct);
    }

    private static String yes(boolean agrees) {
        return agrees ? "yes" : "NO";
    }
}
