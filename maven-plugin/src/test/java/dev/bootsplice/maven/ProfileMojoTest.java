package dev.bootsplice.maven;

import static dev.bootsplice.maven.MojoFixture.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootsplice.profile.ProfileReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileMojoTest {
    @TempDir
    Path basedir;

    private MojoFixture fixture;
    private Path reports;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new MojoFixture(basedir);
        Path tree = Files.createDirectories(basedir.resolve("src/boot/bin"));
        Files.writeString(tree.resolve("init"), "init\n");
        Files.writeString(tree.resolve("sh"), "shell\n");
        reports = basedir.resolve("target/bootsplice");
    }

    private Path packed() throws Exception {
        PackMojo pack = fixture.wire(new PackMojo(fixture.helper()));
        set(pack, "inputs", List.of(basedir.resolve("src/boot").toFile()));
        set(pack, "cmdline", List.of());
        set(pack, "items", List.of());
        set(pack, "compression", "zstd:4");
        set(pack, "outputFile", basedir.resolve("target/app-1.0.zbi").toFile());
        set(pack, "pluginVersion", "test");
        pack.execute();
        fixture.attachments.clear();
        return basedir.resolve("target/app-1.0.zbi");
    }

    /** A profile goal with the descriptor's defaults. */
    private ProfileMojo profile() {
        ProfileMojo mojo = fixture.wire(new ProfileMojo(fixture.helper(), null));
        set(mojo, "strategies", List.of("clone,copy,transfer"));
        set(mojo, "trace", "all");
        set(mojo, "costModel", "default");
        set(mojo, "formats", List.of("json,markdown,html,junit"));
        set(mojo, "outputDirectory", reports.toFile());
        set(
                mojo,
                "junitReportFile",
                basedir.resolve("target/surefire-reports/TEST-bootsplice.xml").toFile());
        set(mojo, "attachReport", true);
        set(mojo, "reportClassifier", "bootsplice-report");
        set(mojo, "maxRegression", 5.0);
        set(mojo, "failOn", new ArrayList<String>());
        return mojo;
    }

    @Test
    void profilesThePackedImageIntoEveryDefaultFormatAndAttachesTheJson() throws Exception {
        packed();
        profile().execute();

        assertThat(reports.resolve("report.json")).isRegularFile();
        assertThat(reports.resolve("report.md")).isRegularFile();
        assertThat(reports.resolve("report.html")).isRegularFile();
        assertThat(reports.resolve("report.junit.xml"))
                .hasSameBinaryContentAs(basedir.resolve("target/surefire-reports/TEST-bootsplice.xml"));
        assertThat(reports.resolve("report.txt")).doesNotExist();
        assertThat(fixture.attachments)
                .containsExactly(new MojoFixture.Attachment(
                        "json",
                        "bootsplice-report",
                        reports.resolve("report.json").toFile()));

        ProfileReport report = ProfileReport.read(reports.resolve("report.json"));
        assertThat(report.image().path()).isEqualTo("target/app-1.0.zbi");
        assertThat(report.image().files()).isEqualTo(2);
        assertThat(report.strategies())
                .extracting(ProfileReport.StrategyReport::name)
                .containsExactly("clone", "copy", "transfer");
    }

    @Test
    void withoutPackTheDefaultImagePathIsProfiled() throws Exception {
        Path image = packed();
        fixture.project.setContextValue(PackMojo.PACKED_IMAGE_KEY, null);
        profile().execute();
        assertThat(ProfileReport.read(reports.resolve("report.json")).image().path())
                .isEqualTo(basedir.relativize(image).toString());
    }

    @Test
    void configuredImageWinsOverThePackedOne() throws Exception {
        packed();
        Path copy = Files.copy(basedir.resolve("target/app-1.0.zbi"), basedir.resolve("other.zbi"));
        set(profile(), "image", copy.toFile()).execute();
        assertThat(ProfileReport.read(reports.resolve("report.json")).image().path())
                .isEqualTo("other.zbi");
    }

    @Test
    void onlyTheRequestedFormatsAreWrittenAndJsonAlways() throws Exception {
        packed();
        ProfileMojo mojo = set(profile(), "formats", List.of("text"));
        set(mojo, "attachReport", false);
        mojo.execute();
        try (var files = Files.list(reports)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("report.")))
                    .containsExactlyInAnyOrder("report.txt", "report.json");
        }
        assertThat(basedir.resolve("target/surefire-reports")).doesNotExist();
        assertThat(fixture.attachments).isEmpty();
    }

    @Test
    void strategiesTraceAndBudgetsReachTheReports() throws Exception {
        packed();
        ProfileMojo mojo = set(profile(), "strategies", List.of("transfer"));
        set(mojo, "trace", "exec");
        set(mojo, "failOn", List.of("transfer.lookup.hops.max>0"));
        mojo.execute();
        ProfileReport report = ProfileReport.read(reports.resolve("report.json"));
        assertThat(report.strategies())
                .extracting(ProfileReport.StrategyReport::name)
                .containsExactly("transfer");
        assertThat(report.trace().name()).isEqualTo("exec");
        assertThat(Files.readString(reports.resolve("report.junit.xml"))).contains("transfer.lookup.hops.max&gt;0");
        assertThat(fixture.lines("INFO")).contains("  budget transfer.lookup.hops.max>0: actual 0 (ok)");
    }

    @Test
    void kernelsGiveOneReportEntryPerStrategyAndKernel() throws Exception {
        packed();
        ProfileMojo mojo = set(profile(), "strategies", List.of("transfer"));
        set(mojo, "kernels", List.of("2023,2024"));
        mojo.execute();
        ProfileReport report = ProfileReport.read(reports.resolve("report.json"));
        assertThat(report.strategies())
                .extracting(ProfileReport.StrategyReport::name)
                .containsExactly("transfer@2023", "transfer@2024");
        assertThat(report.strategies())
                .extracting(s -> s.kernel().transferProfile())
                .containsExactly("RFC_0223", "ZIRCON_2024");
    }

    @Test
    void skipProfilesNothing() throws Exception {
        packed();
        set(profile(), "skip", true).execute();
        assertThat(reports.resolve("report.json")).doesNotExist();
        assertThat(fixture.attachments).isEmpty();
    }

    @Test
    void missingImageFailsWithTheCommandLineMessage() {
        Path missing = basedir.resolve("target/app-1.0.zbi");
        assertThatThrownBy(() -> profile().execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("bootsplice: " + missing + ": no such file or directory");
    }

    @Test
    void unknownFormatFailsNamingTheParameter() throws Exception {
        packed();
        assertThatThrownBy(() -> set(profile(), "formats", List.of("pdf")).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("bootsplice: <formats>: unknown report format \"pdf\"");
    }
}
