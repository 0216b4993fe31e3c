package dev.bootsplice.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.profile.ProfileReport.Setup;
import dev.bootsplice.profile.ProfileReport.StrategyReport;
import dev.bootsplice.splice.KernelEra;
import dev.bootsplice.splice.Strategy;
import dev.bootsplice.testing.TestImages;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `realistic/core-x64.zbi` on the 2023, 2024 and 2025 kernels, trace `all`. */
class CorpusKernelsTest {
    private static ZbiImage image;
    private static ProfileReport report;

    @BeforeAll
    static void profileOnBothKernels() throws Exception {
        image = ZbiImage.open(TestImages.corpus().resolve("realistic/core-x64.zbi"));
        report = Profiler.profile(
                image,
                ProfileOptions.defaults()
                        .withStrategies(List.of(Strategy.CLONE, Strategy.CLONE_SHARECOUNT, Strategy.TRANSFER))
                        .withKernels(List.of(KernelEra.K2023, KernelEra.K2024, KernelEra.K2025))
                        .withRepetitions(new Repetitions(0, 1)));
    }

    @AfterAll
    static void close() throws Exception {
        if (image != null) {
            image.close();
        }
    }

    private static StrategyReport strategy(String name) {
        return report.strategy(name).orElseThrow();
    }

    /** The deterministic counters and modeled cost of a setup (its measured time dropped). */
    private static Setup counted(Setup s) {
        return s.withCosts(s.modeledNs(), 0);
    }

    @Test
    void theCorpusBootfsIsCompressedSoItsRootHasNoParent() {
        assertThat(image.firstBootfs().orElseThrow().isCompressed()).isTrue();
    }

    @Test
    void transfersCountersAreTheSameOnTheRfcKernelAndTheShippedOneForARootWithoutParent() throws Exception {
        StrategyReport rfc = strategy("transfer@2023");
        StrategyReport shipped = strategy("transfer@2024");
        assertThat(counted(shipped.setup())).isEqualTo(counted(rfc.setup()));
        assertThat(shipped.lookup().hops()).isEqualTo(rfc.lookup().hops());
        assertThat(shipped.memory()).isEqualTo(rfc.memory());
        assertThat(rfc.setup().pagesCopied()).isZero();
        assertThat(rfc.setup().pagesMoved()).isEqualTo(distinctFilePages());
    }

    @Test
    void transfersCountersAreTheSameOnThe2025KernelAsOnTheShippedOne() {
        assertThat(counted(strategy("transfer@2025").setup()))
                .isEqualTo(counted(strategy("transfer@2024").setup()));
        assertThat(strategy("transfer@2025").lookup().hops())
                .isEqualTo(strategy("transfer@2024").lookup().hops());
    }

    @Test
    void shareCountCloneSetupCountsOneShareCountIncrementPerFilePageAndPricesIt() {
        long filePages = report.trace().accesses();
        Setup legacy = strategy("clone@2023").setup();
        Setup shared = strategy("clone-sharecount@2023").setup();
        assertThat(legacy.shareCountUpdates()).as("split-bit clones are O(1)").isZero();
        assertThat(shared.shareCountUpdates())
                .as("RFC-0254: O(#parent pages) per clone")
                .isEqualTo(filePages);
        assertThat(strategy("clone@2024").setup().shareCountUpdates()).isEqualTo(filePages);
        CostModel m = CostModel.defaults();
        assertThat(CostBreakdown.setup(shared, m).get(CostModel.Op.SHARE_COUNT_UPDATE))
                .isEqualTo(8 * filePages);
        assertThat(shared.modeledNs()).isEqualTo(CostBreakdown.sum(CostBreakdown.setup(shared, m)));
    }

    @Test
    void parentContentClonesAlsoWriteAMarkerPerSharedPageAndPerPageOfTheConvertedRoot() {
        long filePages = report.trace().accesses();
        long rootPages = report.image().pages();
        assertThat(strategy("clone@2025").setup().shareCountUpdates())
                .as("increments per file page + markers per file page + markers in the converted root")
                .isEqualTo(2 * filePages + rootPages);
    }

    @Test
    void on2025CloneLookupsWalkOneHopToInheritedContentAndNoneToTheirForkedTails() throws Exception {
        // PARENT_CONTENT (zircon-vm.md §6.5 PC3): inherited content 1 hop as under SHARE_COUNT; an empty
        // visible slot 0 hops. The decompressed BOOTFS root is written in full, so no file page is
        // never-written: every page a clone did not fork is inherited content at 1 hop, every forked
        // partial tail (ZX_PROP_VMO_CONTENT_SIZE) is the clone's own page at 0 hops.
        long tails = partialTails();
        dev.bootsplice.splice.HopDistribution d =
                strategy("clone@2025").hopDistribution().orElseThrow();
        assertThat(d.count(0)).isEqualTo(tails);
        assertThat(d.count(1)).isEqualTo(report.trace().accesses() - tails);
        assertThat(d.max()).isEqualTo(1);
        assertThat(strategy("clone@2025").lookup().hops())
                .isEqualTo(strategy("clone@2024").lookup().hops());
        assertThat(strategy("clone@2023").lookup().hops().max())
                .as("the legacy chain")
                .isGreaterThan(1000);
    }

    @Test
    void everyEntryNamesItsKernel() {
        assertThat(report.strategies())
                .extracting(StrategyReport::name)
                .containsExactly(
                        "clone@2023",
                        "clone@2024",
                        "clone@2025",
                        "clone-sharecount@2023",
                        "clone-sharecount@2024",
                        "clone-sharecount@2025",
                        "transfer@2023",
                        "transfer@2024",
                        "transfer@2025");
        assertThat(strategy("clone@2025").kernel().describe()).isEqualTo("2025 (ZIRCON_2024, PARENT_CONTENT)");
        assertThat(strategy("clone@2023").kernel().describe()).isEqualTo("2023 (RFC_0223, LEGACY_CHAIN)");
        assertThat(strategy("clone@2024").kernel().describe()).isEqualTo("2024 (ZIRCON_2024, SHARE_COUNT)");
        assertThat(strategy("clone@2024").lookup().hops().max()).isEqualTo(1);
    }

    /** Files whose length is not a page multiple: each clone forks that partial last page. */
    private static long partialTails() throws Exception {
        return dev.bootsplice.format.Bootfs.parse(
                        image.firstBootfs().orElseThrow().payload())
                .entries()
                .stream()
                .filter(e -> e.dataLength() % 4096 != 0)
                .count();
    }

    /** Pages of the distinct page-aligned file ranges: transfer moves each range once. */
    private static long distinctFilePages() throws Exception {
        java.util.Set<String> ranges = new java.util.HashSet<>();
        long pages = 0;
        for (dev.bootsplice.format.BootfsEntry e : dev.bootsplice.format.Bootfs.parse(
                        image.firstBootfs().orElseThrow().payload())
                .entries()) {
            if (ranges.add(e.dataOffset() + "+" + e.pageAlignedLength())) {
                pages += e.pageAlignedLength() / 4096;
            }
        }
        return pages;
    }
}
