package dev.bootsplice.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootsplice.profile.CostModel;
import dev.bootsplice.profile.ProfileOptions;
import dev.bootsplice.splice.KernelEra;
import dev.bootsplice.splice.Strategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileSettingsTest {
    @TempDir
    Path basedir;

    @Test
    void defaultsGiveTheCommandLineDefaults() throws Exception {
        ProfileOptions options =
                ProfileSettings.options(List.of("clone,copy,transfer"), "all", "default", basedir, "target/app.zbi");
        assertThat(options.strategies()).isEqualTo(ProfileOptions.DEFAULT_STRATEGIES);
        assertThat(options.trace().name()).isEqualTo("all");
        assertThat(options.costModel()).isEqualTo(CostModel.defaults());
        assertThat(options.imagePath()).isEqualTo("target/app.zbi");
    }

    @Test
    void execTraceIsTheBuiltInOne() throws Exception {
        assertThat(ProfileSettings.trace("exec", basedir).name()).isEqualTo("exec");
    }

    @Test
    void traceFileIsReadRelativeToTheProjectAndNamedAsConfigured() throws Exception {
        Files.createDirectories(basedir.resolve("src"));
        Files.writeString(basedir.resolve("src/boot.trace"), "# boot reads\nbin/init 0 1\n");
        assertThat(ProfileSettings.trace("src/boot.trace", basedir).name()).isEqualTo("src/boot.trace");
    }

    @Test
    void missingTraceFileFailsWithTheCommandLineMessage() {
        assertThatThrownBy(() -> ProfileSettings.trace("missing.trace", basedir))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("bootsplice: " + basedir.resolve("missing.trace") + ": no such file or directory");
    }

    @Test
    void costModelFileOverridesTheDefaultsItNames() throws Exception {
        Files.writeString(basedir.resolve("costs.json"), "{ \"name\": \"board\", \"ns\": { \"pageCopy\": 900 } }");
        CostModel model = ProfileSettings.costModel("costs.json", basedir);
        assertThat(model.name()).isEqualTo("board");
        assertThat(model.ns(CostModel.Op.PAGE_COPY)).isEqualTo(900.0);
        assertThat(model.ns(CostModel.Op.PAGE_ZERO))
                .isEqualTo(CostModel.defaults().ns(CostModel.Op.PAGE_ZERO));
    }

    @Test
    void brokenCostModelFileFailsNamingTheFile() throws Exception {
        Files.writeString(basedir.resolve("costs.json"), "{ \"ns\": { \"pageTeleport\": 1 } }");
        assertThatThrownBy(() -> ProfileSettings.costModel("costs.json", basedir))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("bootsplice: " + basedir.resolve("costs.json") + ": ")
                .hasMessageContaining("pageTeleport");
    }

    @Test
    void missingCostModelFileFailsAsUnreadable() {
        assertThatThrownBy(() -> ProfileSettings.costModel("nope.json", basedir))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("bootsplice: " + basedir.resolve("nope.json") + ": no such file or directory");
    }

    @Test
    void unknownStrategyFailsNamingTheParameter() {
        assertThatThrownBy(() -> ProfileSettings.options(List.of("clone,warp"), "all", "default", basedir, "x"))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("bootsplice: <strategies>: unknown strategy \"warp\"");
    }

    @Test
    void strategiesMayBeGivenAsSeparateElements() throws Exception {
        assertThat(ProfileSettings.options(List.of("transfer", "clone"), "all", "default", basedir, "x")
                        .strategies())
                .containsExactly(Strategy.TRANSFER, Strategy.CLONE);
    }

    @Test
    void kernelsMayBeCommaSeparatedOrSeparateElementsAndDefaultTo2023() throws Exception {
        assertThat(ProfileSettings.options(List.of("clone"), List.of("2023,2024"), "all", "default", basedir, "x")
                        .kernels())
                .containsExactly(KernelEra.K2023, KernelEra.K2024);
        assertThat(ProfileSettings.options(List.of("clone"), List.of("2024", "2023"), "all", "default", basedir, "x")
                        .kernels())
                .containsExactly(KernelEra.K2024, KernelEra.K2023);
        assertThat(ProfileSettings.options(List.of("clone"), List.of(), "all", "default", basedir, "x")
                        .kernels())
                .containsExactly(KernelEra.K2023);
    }

    @Test
    void anUnknownOrRepeatedKernelFailsNamingTheParameter() {
        assertThatThrownBy(() ->
                        ProfileSettings.options(List.of("clone"), List.of("2019"), "all", "default", basedir, "x"))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("bootsplice: <kernels>: unknown kernel \"2019\"");
        assertThatThrownBy(() ->
                        ProfileSettings.options(List.of("clone"), List.of("2024,2024"), "all", "default", basedir, "x"))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("bootsplice: <kernels>: kernel \"2024\" given twice");
    }
}
