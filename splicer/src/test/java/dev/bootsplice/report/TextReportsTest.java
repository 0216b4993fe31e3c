package dev.bootsplice.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.testing.SampleReports;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportsTest {
    private static String write(ProfileReport r, ReportFormat f, ReportContext c) throws Exception {
        StringWriter out = new StringWriter();
        Reports.write(r, f, c, out);
        return out.toString();
    }

    @Test
    void theTextReportPutsStrategiesSideBySide() throws Exception {
        String text = write(SampleReports.profile(), ReportFormat.TEXT, ReportContext.NONE);
        assertThat(text).startsWith(SampleReports.profile().verdict().sentence() + "\n");
        String header =
                text.lines().filter(l -> l.startsWith("metric")).findFirst().orElseThrow();
        assertThat(header).containsSubsequence("clone", "clone-sharecount", "copy", "transfer");
        assertThat(text)
                .contains("lookup.hops.total")
                .contains("bootCost.modeledNs")
                .contains("vs clone");
        assertThat(text.lines()
                        .filter(l -> l.startsWith("lookup.hops.max"))
                        .findFirst()
                        .orElseThrow())
                .matches("lookup\\.hops\\.max\\s+[1-9][0-9,]*\\s+1\\s+0\\s+0");
    }

    @Test
    void baselineChangesAndBudgetsAppearInTextAndMarkdown() throws Exception {
        ProfileReport old = SampleReports.profile();
        ProfileReport grown = SampleReports.scaled(old, "transfer", "bootCost.modeledNs", 2);
        ReportContext c = ReportContext.of(grown, old, 5.0, List.of(Budget.parse("copy.lookup.hops.max>0")));
        for (ReportFormat f : List.of(ReportFormat.TEXT, ReportFormat.MARKDOWN)) {
            String out = write(grown, f, c);
            assertThat(out)
                    .as(f.cliName())
                    .contains("REGRESSION")
                    .contains("+100.0%")
                    .contains("copy.lookup.hops.max>0: actual 0 (ok)");
        }
    }

    @Test
    void theMarkdownReportIsMadeOfTables() throws Exception {
        String md = write(SampleReports.profile(), ReportFormat.MARKDOWN, ReportContext.NONE);
        assertThat(md)
                .startsWith(SampleReports.profile().verdict().sentence())
                .contains("| metric | clone | clone-sharecount | copy | transfer |")
                .contains("| --- | ---: | ---: | ---: | ---: |");
    }

    @Test
    void theJsonFormatIsTheReportsJson() throws Exception {
        ProfileReport r = SampleReports.profile();
        assertThat(write(r, ReportFormat.JSON, ReportContext.NONE)).isEqualTo(r.toJson());
    }

    @Test
    void compareOffersTextMarkdownAndJunitOnly() throws Exception {
        ProfileReport r = SampleReports.profile();
        StringWriter out = new StringWriter();
        Reports.writeComparison(ReportComparison.compare(r, r, 5), ReportFormat.TEXT, out);
        assertThat(out.toString()).startsWith("compare ").contains("0 of ");
        StringWriter md = new StringWriter();
        Reports.writeComparison(ReportComparison.compare(r, r, 5), ReportFormat.MARKDOWN, md);
        assertThat(md.toString())
                .startsWith("✅ `adversarial.zbi` → `adversarial.zbi`: 0 of ")
                .contains("<details><summary>Every metric</summary>");
        assertThatThrownBy(() -> Reports.writeComparison(
                        ReportComparison.compare(r, r, 5), ReportFormat.HTML, new StringWriter()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsParseByTheirOptionNames() {
        assertThat(ReportFormat.parse("junit")).isEqualTo(ReportFormat.JUNIT);
        assertThat(ReportFormat.parse("Markdown")).isEqualTo(ReportFormat.MARKDOWN);
        assertThatThrownBy(() -> ReportFormat.parse("pdf")).hasMessageContaining("expected text, json");
    }

    @Test
    void aSingleStrategyReportHasNoComparisonTable() throws Exception {
        byte[] zbi = dev.bootsplice.testing.TestImages.zbi(
                dev.bootsplice.testing.TestImages.adversarialFiles(), dev.bootsplice.format.Compression.DEFAULT);
        ProfileReport one = dev.bootsplice.profile.Profiler.profile(
                dev.bootsplice.testing.TestImages.image(zbi, "one.zbi"),
                dev.bootsplice.profile.ProfileOptions.defaults()
                        .withStrategies(List.of(dev.bootsplice.splice.Strategy.TRANSFER)));
        assertThat(one.comparison().rows()).isEmpty();
        assertThat(write(one, ReportFormat.TEXT, ReportContext.NONE))
                .contains("bootCost.modeledNs")
                .doesNotContain("vs transfer");
        assertThat(write(one, ReportFormat.MARKDOWN, ReportContext.NONE))
                .doesNotContain("Against the baseline strategy");
        assertThat(write(one, ReportFormat.HTML, ReportContext.NONE)).doesNotContain("Against the baseline strategy");
    }
}
