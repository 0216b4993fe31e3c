package dev.bootsplice.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootsplice.format.Compression;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.splice.Strategy;
import dev.bootsplice.splice.Trace;
import dev.bootsplice.splice.TraceException;
import dev.bootsplice.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfilerTest {
    private static ZbiImage adversarial() throws Exception {
        return TestImages.image(TestImages.zbi(TestImages.adversarialFiles(), Compression.DEFAULT), "adv.zbi");
    }

    @Test
    void progressReachesTheTotalOfEverySpliceAndLookupTask() throws Exception {
        List<String> done = new ArrayList<>();
        Profiler.profile(adversarial(), ProfileOptions.defaults().withProgress((task, n, total) -> {
            if (n == total) {
                done.add(task);
            }
        }));
        assertThat(done)
                .contains(
                        "clone: splice",
                        "clone: lookups",
                        "copy: splice",
                        "copy: lookups",
                        "transfer: splice",
                        "transfer: lookups");
    }

    @Test
    void defaultsProfileCloneCopyAndTransferInThatOrderWithTraceAll() throws Exception {
        ProfileReport r = Profiler.profile(adversarial(), ProfileOptions.defaults());
        assertThat(r.strategies())
                .extracting(ProfileReport.StrategyReport::name)
                .containsExactly("clone", "copy", "transfer");
        assertThat(r.trace().name()).isEqualTo("all");
        assertThat(r.costModel().name()).isEqualTo("default");
        assertThat(r.image().path()).isEqualTo("adv.zbi");
        assertThat(r.comparison().rows())
                .extracting(ProfileReport.ComparisonRow::strategy)
                .containsExactly("copy", "transfer");
    }

    @Test
    void withoutCloneTheFirstStrategyIsTheBaselineAndTheImagePathCanBeRenamed() throws Exception {
        ProfileReport r = Profiler.profile(
                adversarial(),
                ProfileOptions.defaults()
                        .withStrategies(List.of(Strategy.TRANSFER, Strategy.COPY))
                        .withImagePath("shown.zbi"));
        assertThat(r.comparison().baseline()).isEqualTo("transfer");
        assertThat(r.comparison().rows().get(0).lookupImprovementPct()).isZero();
        assertThat(r.image().path()).isEqualTo("shown.zbi");
    }

    @Test
    void aCalibratedLikeCostModelChangesModeledCostsButNotCounters() throws Exception {
        CostModel doubled = CostModel.fromJson(
                CostModel.defaults().toJson().replace("\"pageFault\" : 11300.0", "\"pageFault\" : 22600.0"), "x");
        ProfileReport a = Profiler.profile(adversarial(), ProfileOptions.defaults());
        ProfileReport b =
                Profiler.profile(adversarial(), ProfileOptions.defaults().withCostModel(doubled));
        ProfileReport.StrategyReport ta = a.strategy("transfer").orElseThrow();
        ProfileReport.StrategyReport tb = b.strategy("transfer").orElseThrow();
        assertThat(tb.lookup().modeledNs() - ta.lookup().modeledNs())
                .isEqualTo(11300L * ta.lookup().accesses());
        assertThat(tb.setup().syscalls()).isEqualTo(ta.setup().syscalls());
    }

    @Test
    void aTraceNamingAMissingFileFailsTheProfile() throws Exception {
        Trace trace = Trace.parse("t", "bin/missing");
        assertThatThrownBy(() -> Profiler.profile(
                        adversarial(), ProfileOptions.defaults().withTrace(trace)))
                .isInstanceOf(TraceException.class)
                .hasMessageContaining("unknown file \"bin/missing\"");
    }

    @Test
    void optionsRefuseNoStrategyOrARepeatedOne() {
        assertThatThrownBy(() -> ProfileOptions.defaults().withStrategies(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProfileOptions.defaults().withStrategies(List.of(Strategy.COPY, Strategy.COPY)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theImageHashIsTheSha256OfTheImageFile() throws Exception {
        Path file = TestImages.corpus().resolve("zbi-tool-2020/bootfs-dir-zstd.zbi");
        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        try (ZbiImage image = ZbiImage.open(file)) {
            assertThat(image.sha256()).isEqualTo(expected);
        }
    }
}
