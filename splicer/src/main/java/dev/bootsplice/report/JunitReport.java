package dev.bootsplice.report;

import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.profile.ProfileReport.StrategyReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JUnit XML in the common schema: one test case per strategy (failing when one of its gated
 * metrics regressed against the baseline report) and one per budget (failing when it held).
 */
final class JunitReport {
    /** One test case: a failure message and type, or null message when it passed. */
    private record Case(String classname, String name, double seconds, String failure, String type) {}

    private JunitReport() {}

    static void write(ProfileReport r, ReportContext context, PrintWriter out) {
        List<Case> cases = new ArrayList<>();
        for (StrategyReport s : r.strategies()) {
            String failure =
                    context.baseline().map(c -> regressionsOf(c, s.name())).orElse(null);
            double seconds = (s.setup().measuredNs() + s.lookup().measuredNs()) / 1e9;
            cases.add(new Case("bootsplice.profile.strategy", s.name(), seconds, failure, "regression"));
        }
        for (BudgetResult b : context.budgets()) {
            cases.add(new Case(
                    "bootsplice.profile.budget", b.budget().text(), 0, b.failed() ? b.message() : null, "budget"));
        }
        for (SizeBudgetResult b : context.sizeBudgets()) {
            cases.add(new Case(
                    "bootsplice.profile.size", b.budget().text(), 0, b.failed() ? b.message() : null, "size-budget"));
        }
        Map<String, String> kernels = new LinkedHashMap<>();
        r.strategies().forEach(s -> kernels.put("kernel." + s.name(), ReportTables.kernelOf(s)));
        writeSuite("bootsplice.profile", kernels, cases, out);
    }

    static void writeComparison(ReportComparison c, PrintWriter out) {
        List<Case> cases = new ArrayList<>();
        for (String strategy :
                c.changes().stream().map(MetricChange::strategy).distinct().toList()) {
            cases.add(new Case("bootsplice.compare.strategy", strategy, 0, regressionsOf(c, strategy), "regression"));
        }
        writeSuite("bootsplice.compare", Map.of(), cases, out);
    }

    /** The regressed metrics of {@code strategy} as one message, or null when none regressed. */
    private static String regressionsOf(ReportComparison c, String strategy) {
        String list = c.regressions().stream()
                .filter(m -> m.strategy().equals(strategy))
                .map(m -> m.metric() + " " + Metrics.format(m.oldValue()) + " -> " + Metrics.format(m.newValue()) + " ("
                        + (m.changePct() == null ? "from 0" : Metrics.pct(m.changePct())) + ")")
                .collect(Collectors.joining("; "));
        if (list.isEmpty()) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "grew by more than %.1f%%: %s",
                c.maxRegressionPct().orElse(0),
                list);
    }

    /** The suite, its {@code properties} (each strategy's kernel) and its cases. */
    private static void writeSuite(String name, Map<String, String> properties, List<Case> cases, PrintWriter out) {
        long failures = cases.stream().filter(c -> c.failure() != null).count();
        String time = seconds(cases.stream().mapToDouble(Case::seconds).sum());
        String counts = String.format(
                Locale.ROOT,
                "tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\" time=\"%s\"",
                cases.size(),
                failures,
                time);
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.println("<testsuites name=\"bootsplice\" " + counts + ">");
        out.println("  <testsuite name=\"" + name + "\" " + counts + ">");
        if (!properties.isEmpty()) {
            out.println("    <properties>");
            properties.forEach((k, v) ->
                    out.println("      <property name=\"" + Xml.escape(k) + "\" value=\"" + Xml.escape(v) + "\"/>"));
            out.println("    </properties>");
        }
        for (Case c : cases) {
            String open = "    <testcase classname=\"" + Xml.escape(c.classname()) + "\" name=\"" + Xml.escape(c.name())
                    + "\" time=\"" + seconds(c.seconds()) + "\"";
            if (c.failure() == null) {
                out.println(open + "/>");
            } else {
                out.println(open + ">");
                out.println("      <failure message=\"" + Xml.escape(c.failure()) + "\" type=\"" + c.type() + "\">"
                        + Xml.escape(c.failure()) + "</failure>");
                out.println("    </testcase>");
            }
        }
        out.println("  </testsuite>");
        out.println("</testsuites>");
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
