package dev.bootsplice.report;

import dev.bootsplice.profile.ProfileReport;
import java.io.PrintWriter;

/** The Markdown report: the text report's tables as GitHub-flavoured Markdown. */
final class MarkdownReport {
  private MarkdownReport() {}

  static void write(ProfileReport r, ReportContext context, PrintWriter out) {
    out.println("# bootsplice profile");
    out.println();
    out.println("**" + r.verdict().sentence() + "**");
    out.println();
    out.println(ReportTables.headline(r).replace("_", "\\_"));
    out.println();
    out.println("Modeled = counted operations × cost model; measured = wall time of the model.");
    out.println();
    out.print(ReportTables.sideBySide(r).toMarkdown());
    if (!r.comparison().rows().isEmpty()) {
      out.println();
      out.println("## Against the baseline strategy");
      out.println();
      out.print(ReportTables.strategies(r).toMarkdown());
    }
    if (r.verdict().runnerUp() != null) {
      out.println();
      out.println("## Robustness of the verdict");
      out.println();
      out.println("Each cost key alone, the others fixed (modeled cost is linear in the costs). Measured: "
          + ReportTables.measurement(r) + ".");
      out.println();
      out.print(ReportTables.robustness(r).toMarkdown());
    }
    context.baseline().ifPresent(c -> {
      out.println();
      out.println("## Change against " + c.oldName());
      out.println();
      out.println(ReportTables.regressionSummary(c));
      out.println();
      out.print(ReportTables.changes(c).toMarkdown());
    });
    if (!context.budgets().isEmpty()) {
      out.println();
      out.println("## Budgets");
      out.println();
      ReportTables.budgets(context).forEach(line -> out.println("- `" + line + "`"));
    }
  }

  static void writeComparison(ReportComparison c, PrintWriter out) {
    out.println("# bootsplice compare");
    out.println();
    out.println("`" + c.oldName() + "` → `" + c.newName() + "`: " + ReportTables.regressionSummary(c));
    out.println();
    out.print(ReportTables.changes(c).toMarkdown());
  }
}
