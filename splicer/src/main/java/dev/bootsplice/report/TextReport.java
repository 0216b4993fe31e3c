package dev.bootsplice.report;

import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.profile.Verdict;
import java.io.PrintWriter;

/** The plain-text report: the verdict, the key metrics, the full side-by-side table, then baseline changes and budgets. */
final class TextReport {
    private TextReport() {}

    static void write(ProfileReport r, ReportContext context, PrintWriter out) {
        Verdict verdict = r.verdict();
        out.println(verdict.sentence());
        verdict.robustness().forEach(line -> out.println("  " + line));
        ReportTables.checkSummary(context).forEach(p -> out.println(p.text()));
        out.println();
        out.println("bootsplice profile of " + ReportTables.headline(r));
        out.println("modeled = counted operations x cost model; measured = wall time of the model (never mixed)");
        out.println("measured: " + ReportTables.measurement(r));
        out.println();
        out.print(ReportTables.keyMetrics(r).toText());
        out.println();
        out.print(ReportTables.sideBySide(r).toText());
        if (!r.comparison().rows().isEmpty()) {
            out.println();
            out.print(ReportTables.strategies(r).toText());
        }
        context.baseline().ifPresent(c -> {
            out.println();
            out.println("change against baseline report (" + c.oldName() + "): " + ReportTables.regressionSummary(c));
            out.print(ReportTables.changes(c).toText());
        });
        if (!context.budgets().isEmpty() || !context.sizeBudgets().isEmpty()) {
            out.println();
            out.println("budgets:");
            context.budgets().forEach(b -> out.println("  " + b.message()));
            context.sizeBudgets().forEach(b -> out.println("  " + b.message()));
        }
    }

    static void writeComparison(ReportComparison c, PrintWriter out) {
        out.println("compare " + c.oldName() + " -> " + c.newName() + ": " + ReportTables.regressionSummary(c));
        out.print(ReportTables.changes(c).toText());
    }
}
