package dev.bootsplice.report;

import dev.bootsplice.profile.ProfileReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The Markdown report for pull-request comments and CI summaries: the verdict with a mark per
 * kind of check on the first line, the few metrics that matter, the failed checks, and everything
 * else folded into {@code <details>} sections (counted metrics apart from measured ones).
 */
final class MarkdownReport {
    private MarkdownReport() {}

    static void write(ProfileReport r, ReportContext context, PrintWriter out) {
        out.println(firstLine(r, context));
        out.println();
        out.println("**" + md(Units.fileName(r.image().path())) + "**: " + md(ReportTables.facts(r)));
        out.println();
        out.print(ReportTables.keyMetrics(r).toMarkdown());
        List<Check> failed = context.checks().stream().filter(Check::failed).toList();
        if (!failed.isEmpty()) {
            out.println();
            failed.forEach(c -> out.println("- ❌ `" + c.message() + "`"));
        }
        for (Section s : sections(r, context)) {
            out.println();
            out.println("<details><summary>" + Xml.escape(s.title()) + "</summary>");
            out.println();
            out.print(s.body());
            out.println();
            out.println("</details>");
        }
    }

    /** The verdict sentence, then one marked part per kind of check. */
    static String firstLine(ProfileReport r, ReportContext context) {
        List<String> parts = new ArrayList<>(List.of(md(r.verdict().sentence())));
        ReportTables.checkSummary(context).forEach(p -> parts.add(md(p.marked())));
        return String.join(" · ", parts);
    }

    /** One folded section: a summary line and its Markdown body. */
    record Section(String title, String body) {}

    private static List<Section> sections(ProfileReport r, ReportContext context) {
        List<Section> sections = new ArrayList<>();
        if (!context.checks().isEmpty()) {
            StringBuilder b = new StringBuilder();
            context.checks().forEach(c -> b.append("- ")
                    .append(c.failed() ? "❌" : "✅")
                    .append(" `")
                    .append(c.message())
                    .append("`\n"));
            sections.add(new Section("Checks", b.toString()));
        }
        if (r.verdict().runnerUp() != null) {
            sections.add(new Section(
                    "Robustness of the verdict",
                    "Each cost key alone, the others fixed (modeled cost"
                            + " is linear in the costs). Measured: " + md(ReportTables.measurement(r)) + ".\n\n"
                            + ReportTables.robustness(r).toMarkdown()));
        }
        sections.add(new Section(
                "All counted metrics (deterministic)",
                ReportTables.sideBySide(r, m -> !Metrics.isMeasured(m)).toMarkdown()));
        sections.add(new Section(
                "Measured wall times of the model (noisy: medians and spread; gated only with --gate-measured)",
                ReportTables.sideBySide(r, Metrics::isMeasured).toMarkdown()));
        if (!r.comparison().rows().isEmpty()) {
            sections.add(new Section(
                    "Against the baseline strategy " + r.comparison().baseline(),
                    ReportTables.strategies(r).toMarkdown()));
        }
        context.baseline()
                .ifPresent(c -> sections.add(new Section(
                        "Change against " + c.oldName(),
                        md(ReportTables.regressionSummary(c)) + "; " + md(ReportTables.unchangedNote(c)) + "\n\n"
                                + ReportTables.changes(c, true).toMarkdown())));
        ProfileReport.Image i = r.image();
        sections.add(new Section(
                "Image",
                "- path: `" + i.path() + "`\n- sha256: `" + i.sha256() + "`\n- BOOTFS: "
                        + Metrics.format((double) i.bootfsBytes()) + " bytes in " + Units.count(i.files(), "file")
                        + "\n"));
        return sections;
    }

    static void writeComparison(ReportComparison c, PrintWriter out) {
        out.println((c.regressed() ? "❌ " : "✅ ") + "`" + Units.fileName(c.oldName()) + "` → `"
                + Units.fileName(c.newName()) + "`: " + ReportTables.regressionSummary(c));
        out.println();
        out.println("<details><summary>Every metric</summary>");
        out.println();
        out.print(ReportTables.changes(c).toMarkdown());
        out.println();
        out.println("</details>");
    }

    /** {@code s} with Markdown's emphasis characters escaped. */
    private static String md(String s) {
        return s.replace("_", "\\_").replace("*", "\\*");
    }
}
