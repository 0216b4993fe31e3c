package dev.bootsplice.report;

import dev.bootsplice.profile.CostModel;
import dev.bootsplice.profile.ProfileReport;
import java.io.PrintWriter;
import java.util.List;

/**
 * One self-contained HTML page (inline CSS and SVG, no scripts, nothing fetched): the verdict and
 * checks first, then charts with labelled axes and printed values, then the tables; it fits
 * 1,000–1,400 px wide screens without sideways scrolling and prints one chart per block.
 */
final class HtmlReport {
    private static final String STYLE = "*{box-sizing:border-box}"
            + "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;padding:16px 20px;color:#222;background:#fff}"
            + "main{max-width:1160px;margin:0 auto}h1{font-size:22px;margin:4px 0 8px}h2{font-size:18px;margin:26px 0 6px}"
            + ".verdict{font-size:19px;font-weight:600;margin:6px 0;padding:10px 14px;border-left:6px solid #2ca02c;background:#f3faf3}"
            + ".verdict.failed{border-color:#d62728;background:#fdf3f3}.checks{margin:4px 0 4px 20px}"
            + ".facts{color:#555;margin:4px 0}p.note{color:#555;margin:2px 0 6px}"
            + "svg.chart{display:block;width:100%;height:auto;margin:4px 0 10px}"
            + "svg text{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:13px;fill:#222}"
            + "svg .tick{font-size:12px;fill:#444}svg .axis-title{font-size:13px;fill:#333;font-weight:600}"
            + "svg .value{font-size:13px;font-weight:600}svg .small{font-size:11px}svg .note{fill:#555}"
            + "svg .label{font-weight:600}svg .legend{font-size:12px}"
            + "svg line.axis{stroke:#333;stroke-width:1}svg line.grid{stroke:#e3e3e3;stroke-width:1}"
            + ".scroll{overflow-x:auto;max-width:100%}table{border-collapse:collapse;margin:6px 0;font-size:13px}"
            + "td,th{border:1px solid #ccc;padding:2px 8px}td+td,th+th{text-align:right}th{background:#f4f4f4}"
            + ".badge{display:inline-block;font-size:11px;font-weight:700;padding:0 5px;border-radius:3px;color:#fff}"
            + ".badge.good{background:#2a7d2a}.badge.bad{background:#c62828}ul.checks{list-style:none;padding-left:0}"
            + ".fail{color:#b00;font-weight:bold}.ok{color:#2a7d2a}code{word-break:break-all}"
            + "section{break-inside:avoid}"
            + "@media print{body{padding:0;font-size:12px}main{max-width:none}h2{break-after:avoid}"
            + "svg.chart{break-inside:avoid}.scroll{overflow:visible}}";

    private HtmlReport() {}

    static void write(ProfileReport r, ReportContext context, PrintWriter out) {
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>bootsplice profile: "
                + Xml.escape(Units.fileName(r.image().path())) + "</title>");
        out.println("<style>" + STYLE + "</style></head><body><main>");
        header(r, context, out);
        charts(r, out);
        tables(r, context, out);
        out.println("</main></body></html>");
    }

    /** The chart sections, one per question a reader asks. */
    private static void charts(ProfileReport r, PrintWriter out) {
        List<ProfileReport.StrategyReport> strategies = r.strategies();
        section(
                out,
                "Boot cost per strategy (modeled)",
                "Counted operations × the cost model (" + r.costModel().name() + "); each bar is split by operation.",
                SvgCharts.bootCost(strategies, costModelOf(r)));
        section(
                out,
                "Setup and lookup, apart",
                "Setup gives every file its VMO; lookup replays the "
                        + "boot's page reads. Each panel has its own scale.",
                SvgCharts.phases(strategies));
        section(
                out,
                "Memory",
                "Model pages allocated: the peak over the run and what is left at the end.",
                SvgCharts.memory(strategies, r.comparison()));
        section(
                out,
                "Lookup hops per page read",
                "How many parent hops each page read walks; every "
                        + "histogram has the same x range and the same y scale.",
                String.join("", HopCharts.charts(strategies)));
    }

    /** The table sections: key metrics, every metric (counted apart from measured), comparisons, the image. */
    private static void tables(ProfileReport r, ReportContext context, PrintWriter out) {
        section(out, "Key metrics", null, table(ReportTables.keyMetrics(r)));
        if (r.verdict().runnerUp() != null) {
            section(
                    out,
                    "Robustness of the verdict",
                    "Each cost key alone, the others fixed. Measured: " + ReportTables.measurement(r) + ".",
                    table(ReportTables.robustness(r)));
        }
        section(
                out,
                "All counted metrics (deterministic)",
                null,
                table(ReportTables.sideBySide(r, m -> !Metrics.isMeasured(m))));
        section(
                out,
                "Measured wall times of the model (noisy: medians and spread; gated only with --gate-measured)",
                null,
                table(ReportTables.sideBySide(r, Metrics::isMeasured)));
        if (!r.comparison().rows().isEmpty()) {
            section(out, "Against the baseline strategy", null, table(ReportTables.strategies(r)));
        }
        context.baseline()
                .ifPresent(c -> section(
                        out,
                        "Change against " + c.oldName(),
                        ReportTables.regressionSummary(c),
                        table(ReportTables.changes(c))));
        ProfileReport.Image i = r.image();
        section(
                out,
                "Image",
                null,
                "<p>path <code>" + Xml.escape(i.path()) + "</code><br>sha256 <code>" + i.sha256() + "</code><br>"
                        + Xml.escape(ReportTables.facts(r)) + "</p>\n");
    }

    private static void header(ProfileReport r, ReportContext context, PrintWriter out) {
        out.println("<header><h1>bootsplice profile: "
                + Xml.escape(Units.fileName(r.image().path())) + "</h1>");
        out.println("<p class=\"verdict" + (context.failed() ? " failed" : "") + "\">"
                + Xml.escape(r.verdict().sentence()) + "</p>");
        List<ReportTables.SummaryPart> summary = ReportTables.checkSummary(context);
        if (!summary.isEmpty()) {
            out.println("<p class=\"checks\">"
                    + String.join(
                            " · ", summary.stream().map(HtmlReport::marked).toList()) + "</p>");
        }
        if (!context.checks().isEmpty()) {
            out.println("<ul class=\"checks\">");
            context.checks()
                    .forEach(c -> out.println("<li class=\"" + (c.failed() ? "fail" : "ok") + "\">" + badge(c.failed())
                            + Xml.escape(c.message()) + "</li>"));
            out.println("</ul>");
        }
        out.println("<p class=\"facts\">" + Xml.escape(ReportTables.facts(r)) + "</p></header>");
    }

    /** A check summary part with its mark as a badge (emoji fonts are not everywhere a report is opened). */
    private static String marked(ReportTables.SummaryPart part) {
        return (part.failed() == null ? "" : badge(part.failed())) + Xml.escape(part.text());
    }

    private static String badge(boolean failed) {
        return failed ? "<span class=\"badge bad\">FAIL</span> " : "<span class=\"badge good\">PASS</span> ";
    }

    private static void section(PrintWriter out, String title, String note, String content) {
        out.println("<section><h2>" + Xml.escape(title) + "</h2>");
        if (note != null) {
            out.println("<p class=\"note\">" + Xml.escape(note) + "</p>");
        }
        out.print(content);
        out.println("</section>");
    }

    /** The report's own cost model, so a report read back from JSON draws the same chart. */
    static CostModel costModelOf(ProfileReport r) {
        return CostModel.fromKeys(
                r.costModel().name(), r.costModel().source(), r.costModel().ns());
    }

    private static String table(Table t) {
        StringBuilder b = new StringBuilder("<div class=\"scroll\"><table>\n<tr>");
        t.header().forEach(h -> b.append("<th>").append(Xml.escape(h)).append("</th>"));
        b.append("</tr>\n");
        for (List<String> row : t.rows()) {
            b.append("<tr>");
            row.forEach(c -> b.append(c.equals("REGRESSION") ? "<td class=\"fail\">" : "<td>")
                    .append(Xml.escape(c))
                    .append("</td>"));
            b.append("</tr>\n");
        }
        return b.append("</table></div>\n").toString();
    }
}
