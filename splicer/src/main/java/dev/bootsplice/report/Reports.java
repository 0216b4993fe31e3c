package dev.bootsplice.report;

import dev.bootsplice.profile.ProfileReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/** Writes profile reports and report comparisons in every {@link ReportFormat}. */
public final class Reports {
    private Reports() {}

    /**
     * Writes {@code report} as {@code format}, with the baseline changes and budgets of
     * {@code context} (JSON is always exactly the profile contract and fuchsiaperf the report's metrics;
     * both ignore the context).
     *
     * @throws IOException if {@code out} fails
     */
    public static void write(ProfileReport report, ReportFormat format, ReportContext context, Writer out)
            throws IOException {
        PrintWriter w = new PrintWriter(out);
        switch (format) {
            case TEXT -> TextReport.write(report, context, w);
            case JSON -> w.print(report.toJson());
            case MARKDOWN -> MarkdownReport.write(report, context, w);
            case HTML -> HtmlReport.write(report, context, w);
            case JUNIT -> JunitReport.write(report, context, w);
            case FUCHSIAPERF -> w.print(Fuchsiaperf.of(report));
        }
        flush(w);
    }

    /**
     * Writes a `compare` result as text, Markdown or JUnit XML.
     *
     * @throws IllegalArgumentException for JSON or HTML, which `compare` does not offer
     * @throws IOException if {@code out} fails
     */
    public static void writeComparison(ReportComparison comparison, ReportFormat format, Writer out)
            throws IOException {
        PrintWriter w = new PrintWriter(out);
        switch (format) {
            case TEXT -> TextReport.writeComparison(comparison, w);
            case MARKDOWN -> MarkdownReport.writeComparison(comparison, w);
            case JUNIT -> JunitReport.writeComparison(comparison, w);
            default -> throw new IllegalArgumentException(
                    "compare writes text, markdown or junit, not " + format.cliName());
        }
        flush(w);
    }

    private static void flush(PrintWriter w) throws IOException {
        w.flush();
        if (w.checkError()) {
            throw new IOException("writing the report failed");
        }
    }
}
