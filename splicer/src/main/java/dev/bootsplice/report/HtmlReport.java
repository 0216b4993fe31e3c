package dev.bootsplice.report;

import dev.bootsplice.profile.CostModel;
import dev.bootsplice.profile.ProfileReport;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One self-contained HTML page: inline CSS and SVG charts, no scripts, nothing fetched. */
final class HtmlReport {
  private static final String STYLE = "body{font:14px sans-serif;margin:16px;color:#222;background:#fff}"
      + "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:2px 8px}"
      + "td+td,th+th{text-align:right}svg text{font:12px sans-serif;fill:#222}"
      + ".fail{color:#b00;font-weight:bold}";

  private HtmlReport() {}

  static void write(ProfileReport r, ReportContext context, PrintWriter out) {
    out.println("<!DOCTYPE html>");
    out.println("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>bootsplice profile</title>");
    out.println("<style>" + STYLE + "</style></head><body>");
    out.println("<h1>bootsplice profile</h1>");
    out.println("<p><strong>" + Xml.escape(r.verdict().sentence()) + "</strong></p>");
    out.println("<p>" + Xml.escape(ReportTables.headline(r)) + "</p>");
    out.println("<h2>Boot cost per strategy (modeled)</h2>");
    out.print(SvgCharts.bootCost(r.strategies(), costModelOf(r)));
    out.println("<h2>Lookup hops per page read</h2>");
    for (int i = 0; i < r.strategies().size(); i++) {
      out.print(SvgCharts.hops(r.strategies().get(i), i));
    }
    out.println("<h2>All metrics</h2>");
    out.println("<p>Modeled = counted operations &#215; cost model; measured = wall time of the model.</p>");
    out.print(table(ReportTables.sideBySide(r)));
    if (r.verdict().runnerUp() != null) {
      out.println("<h2>Robustness of the verdict</h2>");
      out.println("<p>Each cost key alone, the others fixed. Measured: "
          + Xml.escape(ReportTables.measurement(r)) + ".</p>");
      out.print(table(ReportTables.robustness(r)));
    }
    if (!r.comparison().rows().isEmpty()) {
      out.println("<h2>Against the baseline strategy</h2>");
      out.print(table(ReportTables.strategies(r)));
    }
    context.baseline().ifPresent(c -> {
      out.println("<h2>Change against " + Xml.escape(c.oldName()) + "</h2>");
      out.println("<p>" + Xml.escape(ReportTables.regressionSummary(c)) + "</p>");
      out.print(table(ReportTables.changes(c)));
    });
    if (!context.budgets().isEmpty()) {
      out.println("<h2>Budgets</h2><ul>");
      context.budgets().forEach(b -> out.println("<li" + (b.failed() ? " class=\"fail\"" : "") + ">"
          + Xml.escape(b.message()) + "</li>"));
      out.println("</ul>");
    }
    out.println("</body></html>");
  }

  /** The report's own cost model, so a report read back from JSON draws the same chart. */
  static CostModel costModelOf(ProfileReport r) {
    Map<CostModel.Op, Double> ns = new EnumMap<>(CostModel.Op.class);
    for (CostModel.Op op : CostModel.Op.values()) {
      ns.put(op, r.costModel().ns().getOrDefault(op.key(), CostModel.defaults().ns(op)));
    }
    return new CostModel(r.costModel().name(), r.costModel().source(), ns);
  }

  private static String table(Table t) {
    StringBuilder b = new StringBuilder("<table>\n<tr>");
    t.header().forEach(h -> b.append("<th>").append(Xml.escape(h)).append("</th>"));
    b.append("</tr>\n");
    for (List<String> row : t.rows()) {
      b.append("<tr>");
      row.forEach(c -> b.append(c.equals("REGRESSION") ? "<td class=\"fail\">" : "<td>")
          .append(Xml.escape(c)).append("</td>"));
      b.append("</tr>\n");
    }
    return b.append("</table>\n").toString();
  }
}
