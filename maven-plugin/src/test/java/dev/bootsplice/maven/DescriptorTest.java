package dev.bootsplice.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.profile.ProfileOptions;
import dev.bootsplice.report.ReportFormat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The goals, phases, defaults and user properties as Maven sees them (the generated descriptor). */
class DescriptorTest {
    @Test
    void pluginHasTheThreeGoalsAndHelp() {
        assertThat(GeneratedDescriptor.goals()).containsExactlyInAnyOrder("pack", "profile", "check", "help");
    }

    @Test
    void goalsBindToTheirDocumentedPhases() {
        assertThat(GeneratedDescriptor.mojoField("pack", "phase")).isEqualTo("package");
        assertThat(GeneratedDescriptor.mojoField("profile", "phase")).isEqualTo("verify");
        assertThat(GeneratedDescriptor.mojoField("check", "phase")).isEqualTo("verify");
    }

    @Test
    void everyEditableParameterHasABootspliceUserPropertyAndADescription() {
        for (String goal : List.of("pack", "profile", "check")) {
            for (GeneratedDescriptor.Parameter p : GeneratedDescriptor.parameters(goal)) {
                if (!p.editable()) {
                    continue;
                }
                assertThat(p.property()).as(goal + " " + p.name()).startsWith("bootsplice.");
                assertThat(p.description()).as(goal + " " + p.name()).isNotBlank();
            }
        }
    }

    @Test
    void skipPropertiesAreSeparatePerGoal() {
        assertThat(GeneratedDescriptor.parameter("pack", "skip").property()).isEqualTo("bootsplice.pack.skip");
        assertThat(GeneratedDescriptor.parameter("profile", "skip").property()).isEqualTo("bootsplice.profile.skip");
        assertThat(GeneratedDescriptor.parameter("check", "skip").property()).isEqualTo("bootsplice.check.skip");
        for (String goal : List.of("pack", "profile", "check")) {
            assertThat(GeneratedDescriptor.parameter(goal, "skipAll").property())
                    .as(goal)
                    .isEqualTo("bootsplice.skip");
        }
    }

    @Test
    void packDefaultsMatchTheCommandLine() {
        assertThat(GeneratedDescriptor.defaultValue("pack", "compression")).isEqualTo("zstd:4");
        assertThat(GeneratedDescriptor.defaultValue("pack", "bootfsOnly")).isEqualTo("false");
        assertThat(GeneratedDescriptor.defaultValue("pack", "attach")).isEqualTo("true");
        assertThat(GeneratedDescriptor.defaultValue("pack", "force")).isEqualTo("false");
        assertThat(GeneratedDescriptor.defaultValue("pack", "outputFile"))
                .isEqualTo("${project.build.directory}/${project.build.finalName}.zbi");
        assertThat(GeneratedDescriptor.defaultValue("pack", "classifier")).isNull();
    }

    @Test
    void profileDefaultStrategiesAreTheCommandLineDefaults() {
        String strategies = GeneratedDescriptor.defaultValue("profile", "strategies");
        assertThat(StrategyList.parse(List.of(strategies))).isEqualTo(ProfileOptions.DEFAULT_STRATEGIES);
        assertThat(GeneratedDescriptor.defaultValue("profile", "trace")).isEqualTo("all");
        assertThat(GeneratedDescriptor.defaultValue("profile", "costModel")).isEqualTo("default");
    }

    @Test
    void profileWritesEveryFormatButTextByDefault() {
        assertThat(ReportFiles.formats(List.of(GeneratedDescriptor.defaultValue("profile", "formats"))))
                .containsExactly(ReportFormat.JSON, ReportFormat.MARKDOWN, ReportFormat.HTML, ReportFormat.JUNIT);
    }

    @Test
    void reportsGoUnderTargetBootspliceAndJunitWhereCiLooks() {
        assertThat(GeneratedDescriptor.defaultValue("profile", "outputDirectory"))
                .isEqualTo("${project.build.directory}/bootsplice")
                .isEqualTo(GeneratedDescriptor.defaultValue("check", "outputDirectory"));
        assertThat(GeneratedDescriptor.defaultValue("profile", "junitReportFile"))
                .isEqualTo("${project.build.directory}/surefire-reports/TEST-bootsplice.xml");
        assertThat(Path.of(ReportFiles.fileName(ReportFormat.JSON))).hasToString("report.json");
    }

    @Test
    void checkFailsOnRegressionsAboveFivePercentByDefault() {
        assertThat(GeneratedDescriptor.defaultValue("check", "failOnRegression"))
                .isEqualTo("true");
        assertThat(GeneratedDescriptor.defaultValue("check", "maxRegression")).isEqualTo("5");
        assertThat(GeneratedDescriptor.defaultValue("check", "reportClassifier"))
                .isEqualTo(GeneratedDescriptor.defaultValue("profile", "reportClassifier"))
                .isEqualTo("bootsplice-report");
        assertThat(GeneratedDescriptor.defaultValue("check", "baselineVersion")).isNull();
    }
}
