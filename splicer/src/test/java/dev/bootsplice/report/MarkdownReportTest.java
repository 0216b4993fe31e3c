package dev.bootsplice.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.testing.SampleReports;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden files of the Markdown report of a fixed core-x64 profile (measured times included, so the
 * bytes are fixed); {@code -Dbootsplice.golden.update=true} rewrites them after a deliberate change.
 */
class MarkdownReportTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private static ProfileReport fixture() throws Exception {
        try (InputStream in = MarkdownReportTest.class.getResourceAsStream("/golden/core-x64.profile.json")) {
            return ProfileReport.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String markdown(ProfileReport r, ReportContext c) throws Exception {
        StringWriter out = new StringWriter();
        Reports.write(r, ReportFormat.MARKDOWN, c, out);
        return out.toString();
    }

    private static void assertGolden(String name, String actual) throws Exception {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("bootsplice.golden.update")) {
            Files.writeString(file, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(file));
    }

    @Test
    void aPassingProfileOpensWithTheVerdictAndGreenMarks() throws Exception {
        ProfileReport r = fixture();
        ReportContext c = ReportContext.of(r, r, 5.0, List.of(Budget.parse("transfer.lookup.hops.max>0")));
        String md = markdown(r, c);
        assertThat(md.lines().findFirst().orElseThrow())
                .isEqualTo(
                        "clone-sharecount is cheapest at boot: 3.4% below transfer, clone-sharecount 164.40 ms against 170.18 ms"
                                + " · ✅ 1 budget passed · ✅ no regression against core-x64.zbi");
        assertGolden("profile-pass.md", md);
    }

    @Test
    void aFailingProfileSaysSoOnTheFirstLineAndListsTheFailures() throws Exception {
        ProfileReport old = fixture();
        ProfileReport grown = SampleReports.scaled(old, "transfer", "setup.modeledNs", 1.5);
        ReportContext c = ReportContext.of(
                grown,
                old,
                5.0,
                List.of(Budget.parse("clone.lookup.hops.max>0"), Budget.parse("copy.lookup.hops.max>0")));
        String md = markdown(grown, c);
        assertThat(md.lines().findFirst().orElseThrow())
                .endsWith(" · ❌ 1 of 2 budgets failed · ❌ 1 regression against core-x64.zbi");
        assertThat(md)
                .contains("- ❌ `clone.lookup.hops.max>0: actual 2,383 (FAILED)`")
                .contains("- ❌ `transfer setup.modeledNs grew 50.0%");
        assertGolden("profile-fail.md", md);
    }

    @Test
    void theCompactTableComesBeforeAnyFoldedSectionAndMeasuredRowsAreApart() throws Exception {
        String md = markdown(fixture(), ReportContext.NONE);
        int table = md.indexOf("| boot cost |");
        assertThat(table).isPositive().isLessThan(md.indexOf("<details>"));
        assertThat(md.lines().filter(l -> l.startsWith("| ")).limit(9))
                .hasSize(9)
                .noneMatch(l -> l.contains("measuredNs"));
        String measured = md.substring(md.indexOf("<summary>Measured"));
        assertThat(measured.substring(0, measured.indexOf("</details>")))
                .contains("setup.measuredNs")
                .contains("lookup.measuredNs")
                .doesNotContain("modeledNs");
        String counted = md.substring(md.indexOf("<summary>All counted"));
        assertThat(counted.substring(0, counted.indexOf("</details>"))).doesNotContain("measuredNs");
    }

    @Test
    void theImageIsNamedShortlyAndItsPathAndHashSitInTheDetails() throws Exception {
        ProfileReport r = fixture();
        String md = markdown(r, ReportContext.NONE);
        assertThat(md.lines().skip(2).findFirst().orElseThrow()).startsWith("**core-x64.zbi**: 2,384 files,");
        int details = md.indexOf("<summary>Image</summary>");
        assertThat(md.indexOf(r.image().sha256())).isGreaterThan(details);
        assertThat(md.indexOf(r.image().path())).isGreaterThan(details);
    }
}
