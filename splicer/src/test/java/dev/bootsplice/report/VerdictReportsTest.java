package dev.bootsplice.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.profile.Verdict;
import dev.bootsplice.testing.SampleReports;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class VerdictReportsTest {
    private static String write(ProfileReport r, ReportFormat f) throws Exception {
        StringWriter out = new StringWriter();
        Reports.write(r, f, ReportContext.NONE, out);
        return out.toString();
    }

    @Test
    void theTextReportOpensWithTheVerdictAndEveryKeysBreakEven() throws Exception {
        ProfileReport r = SampleReports.profile();
        Verdict v = r.verdict();
        String text = write(r, ReportFormat.TEXT);
        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo(v.sentence());
        assertThat(text.lines().skip(1).limit(v.breakEven().size()).toList())
                .containsExactlyElementsOf(
                        v.robustness().stream().map(l -> "  " + l).toList());
        assertThat(text).contains("measured: median of 5 interleaved runs per strategy");
        assertThat(text).contains("cost model default (shared/machine-costs.md");
    }

    @Test
    void markdownAndHtmlCarryTheVerdictAndARobustnessSection() throws Exception {
        ProfileReport r = SampleReports.profile();
        String md = write(r, ReportFormat.MARKDOWN);
        assertThat(md)
                .startsWith(r.verdict().sentence())
                .contains("<details><summary>Robustness of the verdict</summary>", "| cost key |", "| lookupHop |");
        String html = write(r, ReportFormat.HTML);
        assertThat(html).contains("<h2>Robustness of the verdict</h2>", "<th>cost key</th>", "<td>lookupHop</td>");
        assertThat(html.indexOf(Xml.escape(r.verdict().sentence()))).isLessThan(html.indexOf("<h2>"));
    }
}
