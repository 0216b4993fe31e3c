package dev.bootsplice.maven;

import static dev.bootsplice.maven.MojoFixture.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckMojoTest {
    @TempDir
    Path basedir;

    private MojoFixture fixture;
    private Path reports;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new MojoFixture(basedir);
        reports = Files.createDirectories(basedir.resolve("target/bootsplice"));
        // The current build's report: clone walks one hop, boot costs 2000 ns.
        Files.writeString(
                reports.resolve("report.json"),
                VerdictTest.report("clone", 1, 1000, 1000).toJson());
    }

    /** A check goal with the descriptor's defaults. */
    private CheckMojo check() {
        CheckMojo mojo = fixture.wire(new CheckMojo(null));
        set(mojo, "outputDirectory", reports.toFile());
        set(mojo, "reportClassifier", "bootsplice-report");
        set(mojo, "maxRegression", 5.0);
        set(mojo, "failOnRegression", true);
        set(mojo, "failOn", new ArrayList<String>());
        return mojo;
    }

    private Path baseline(long setupNs, long lookupNs) throws Exception {
        return Files.writeString(
                basedir.resolve("baseline.json"),
                VerdictTest.report("clone", 1, setupNs, lookupNs).toJson());
    }

    @Test
    void passesWithoutBudgetsOrBaseline() throws Exception {
        check().execute();
        assertThat(fixture.lines("ERROR")).isEmpty();
        assertThat(fixture.lines("WARN")).isEmpty();
    }

    @Test
    void failedBudgetFailsTheBuildWithOneLinePerBudget() {
        CheckMojo mojo = set(
                check(),
                "failOn",
                List.of("clone.lookup.hops.max>0", "clone.bootCost.modeledNs>1000", "clone.lookup.hops.max>5"));
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("bootsplice: 2 checks failed\n"
                        + "bootsplice: check failed: clone.lookup.hops.max>0: actual 1 (FAILED)\n"
                        + "bootsplice: check failed: clone.bootCost.modeledNs>1000: actual 2,000 (FAILED)");
    }

    @Test
    void heldBudgetsPass() throws Exception {
        set(check(), "failOn", List.of("clone.lookup.hops.max>1")).execute();
        assertThat(fixture.lines("INFO")).contains("bootsplice: 1 budget passed");
    }

    @Test
    void regressionAgainstABaselineFileFailsTheBuild() throws Exception {
        CheckMojo mojo = set(check(), "baseline", baseline(1000, 500).toFile());
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("bootsplice: 1 check failed\n"
                        + "bootsplice: check failed: clone bootCost.modeledNs grew 33.3% (1500 -> 2000), more than 5%");
    }

    @Test
    void regressionOnlyWarnsWithFailOnRegressionOff() throws Exception {
        CheckMojo mojo = set(check(), "baseline", baseline(1000, 500).toFile());
        set(mojo, "failOnRegression", false).execute();
        assertThat(fixture.lines("WARN")).anySatisfy(l -> assertThat(l).startsWith("bootsplice: regression: clone "));
    }

    @Test
    void growthWithinMaxRegressionPasses() throws Exception {
        CheckMojo mojo = set(check(), "baseline", baseline(1000, 500).toFile());
        set(mojo, "maxRegression", 50.0).execute();
        assertThat(fixture.lines("INFO"))
                .anySatisfy(l -> assertThat(l).startsWith("bootsplice: no regression beyond 50%"));
    }

    @Test
    void budgetsFailEvenWhenRegressionsOnlyWarn() {
        CheckMojo mojo = set(check(), "failOn", List.of("clone.lookup.hops.max>0"));
        set(mojo, "failOnRegression", false);
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
    }

    @Test
    void skipChecksNothing() throws Exception {
        CheckMojo mojo = set(check(), "failOn", List.of("clone.lookup.hops.max>0"));
        set(mojo, "skip", true).execute();
        assertThat(fixture.lines("INFO")).containsExactly("bootsplice: check skipped");
    }

    @Test
    void missingReportSaysToRunProfileFirst() throws Exception {
        Files.delete(reports.resolve("report.json"));
        assertThatThrownBy(() -> check().execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("bootsplice: " + reports.resolve("report.json")
                        + ": no such file or directory (run bootsplice:profile before bootsplice:check)");
    }

    @Test
    void unreadableBaselineFailsNamingIt() {
        Path missing = basedir.resolve("old.json");
        assertThatThrownBy(() -> set(check(), "baseline", missing.toFile()).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("bootsplice: " + missing + ": no such file or directory");
    }

    @Test
    void budgetOnAMissingStrategyFailsNamingTheParameter() {
        assertThatThrownBy(() -> set(check(), "failOn", List.of("copy.lookup.hops.max>0"))
                        .execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("bootsplice: <failOn>: ");
    }

    @Test
    void negativeMaxRegressionFailsNamingTheParameter() {
        assertThatThrownBy(() -> set(check(), "maxRegression", -1.0).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("bootsplice: <maxRegression>: must be a finite percentage >= 0, was -1.0");
    }

    /** A generated image and the uncompressed bytes its bin/ files hold. */
    private long generatedImage(Path file) throws Exception {
        dev.bootsplice.format.ImageGenerator.builder()
                .files(40)
                .size(512 << 10)
                .seed(3)
                .build()
                .writeTo(file);
        try (dev.bootsplice.format.ZbiImage zbi = dev.bootsplice.format.ZbiImage.open(file)) {
            return dev.bootsplice.diff.ImageInventory.of(zbi, "x").uncompressedSize(n -> n.startsWith("bin/"));
        }
    }

    @Test
    void sizeBudgetsMeasureTheImageAndFailAboveTheirThreshold() throws Exception {
        Path image = basedir.resolve("image.zbi");
        long bin = generatedImage(image);
        assertThat(bin).isPositive();
        CheckMojo held = set(check(), "failOn", List.of("size[bin/**]>" + bin));
        set(held, "image", image.toFile()).execute();
        assertThat(fixture.lines("INFO")).contains("bootsplice: 1 budget passed");
        CheckMojo over = set(check(), "failOn", List.of("size[bin/**]>" + (bin - 1) + ",clone.lookup.hops.max>5"));
        set(over, "image", image.toFile());
        assertThatThrownBy(over::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("bootsplice: 1 check failed\nbootsplice: check failed: size[bin/**]>"
                        + (bin - 1) + ": actual ");
    }

    @Test
    void sizeBudgetsNeedAReadableImage() {
        CheckMojo mojo = set(check(), "failOn", List.of("size[*]>1MiB"));
        set(mojo, "image", basedir.resolve("missing.zbi").toFile());
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("missing.zbi");
    }

    @Test
    void theGlobalSkipSkipsCheck() throws Exception {
        CheckMojo mojo = set(check(), "failOn", List.of("clone.lookup.hops.max>0"));
        set(mojo, "skipAll", true).execute();
        assertThat(fixture.lines("INFO")).containsExactly("bootsplice: check skipped");
    }

    @Test
    void commasInsideASizeGlobDoNotSplitTheBudget() {
        assertThat(AbstractReportMojo.expressions(List.of("size[{a,b}/[,x]*]>1, clone.lookup.hops.max>0")))
                .containsExactly("size[{a,b}/[,x]*]>1", "clone.lookup.hops.max>0");
    }

    @Test
    void budgetsPerFileAndRelativeToAnotherMetricWorkInThePlugin() {
        CheckMojo mojo = set(
                check(),
                "failOn",
                List.of(
                        "clone.bootCost.modeledNs/file>999",
                        "clone.bootCost.modeledNs>=2*clone.setup.modeledNs",
                        "clone.bootCost.modeledNs/MiB>1e9"));
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("bootsplice: 2 checks failed\n"
                        + "bootsplice: check failed: clone.bootCost.modeledNs/file>999: actual 1,000 (FAILED)\n"
                        + "bootsplice: check failed: clone.bootCost.modeledNs>=2*clone.setup.modeledNs: actual 2,000 "
                        + "against 2,000 (FAILED)");
    }

    @Test
    void regressionsPerFileForgiveGrowthThatCameWithMoreFiles() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode old =
                (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(VerdictTest.report("clone", 1, 1000, 500).toJson());
        ((com.fasterxml.jackson.databind.node.ObjectNode) old.get("image")).put("files", 1);
        Path file = Files.writeString(basedir.resolve("smaller.json"), old.toString());
        assertThatThrownBy(set(check(), "baseline", file.toFile())::execute).isInstanceOf(MojoFailureException.class);
        CheckMojo perFile = set(set(check(), "baseline", file.toFile()), "regressionPer", "file");
        perFile.execute();
        assertThat(fixture.lines("ERROR")).isEmpty();
        assertThatThrownBy(set(set(check(), "baseline", file.toFile()), "regressionPer", "page")::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("regressionPer");
    }
}
