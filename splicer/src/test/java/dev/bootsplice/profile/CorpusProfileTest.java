package dev.bootsplice.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.format.Bootfs;
import dev.bootsplice.format.BootfsEntry;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.profile.ProfileReport.StrategyReport;
import dev.bootsplice.splice.ProgressListener;
import dev.bootsplice.splice.SpliceResult;
import dev.bootsplice.splice.Splicer;
import dev.bootsplice.splice.Strategy;
import dev.bootsplice.testing.TestImages;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The boot scenario on the product-sized corpus image `realistic/core-x64.zbi`, trace `all`. */
class CorpusProfileTest {
    private static ZbiImage image;
    private static List<BootfsEntry> entries;
    private static ProfileReport report;

    @BeforeAll
    static void profileAllFourStrategies() throws Exception {
        Path file = TestImages.corpus().resolve("realistic/core-x64.zbi");
        image = ZbiImage.open(file);
        entries = Bootfs.parse(image.firstBootfs().orElseThrow().payload()).entries();
        // counts and modeled costs only: one run each is enough (they are the same for every run)
        report = Profiler.profile(
                image,
                ProfileOptions.defaults()
                        .withStrategies(List.of(Strategy.values()))
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

    private static long distinctFilePages() {
        Set<String> ranges = new HashSet<>();
        long pages = 0;
        for (BootfsEntry e : entries) {
            if (ranges.add(e.dataOffset() + "+" + e.pageAlignedLength())) {
                pages += e.pageAlignedLength() / 4096;
            }
        }
        return pages;
    }

    @Test
    void theImageSectionDescribesTheCorpusImage() {
        assertThat(report.image().files()).isEqualTo(entries.size()).isEqualTo(2384);
        assertThat(report.image().pages() * 4096).isEqualTo(report.image().bootfsBytes());
        assertThat(report.image().sha256()).hasSize(64);
        assertThat(report.trace().accesses())
                .isEqualTo(entries.stream()
                        .mapToLong(e -> e.pageAlignedLength() / 4096)
                        .sum());
    }

    @Test
    void transferAndCopyWalkNoHopOnAnyLookup() {
        for (String name : List.of("transfer", "copy")) {
            assertThat(strategy(name).lookup().hops().total()).as(name).isZero();
            assertThat(strategy(name).lookup().hops().max()).as(name).isZero();
        }
    }

    @Test
    void legacyClonesOfUntouchedPagesWalkAboutHalfTheFileCountAndEveryForkedTailIsOwned() throws Exception {
        SpliceResult clone = Splicer.splice(image, Strategy.CLONE, ProgressListener.NONE);
        // clone-era userboot sets ZX_PROP_VMO_CONTENT_SIZE, which forks a file's partial last page into
        // its clone (VmObjectPaged::ZeroPartialPageLocked); the other pages stay at the chain's depth
        List<dev.bootsplice.splice.SplicedFile> rows = clone.files();
        double depthSum = 0;
        double indexSum = 0;
        int untouched = 0;
        long tails = 0;
        for (int i = 0; i < rows.size(); i++) {
            long len = entries.get(i).dataLength();
            tails += len % 4096 != 0 ? 1 : 0;
            if (len > 4096 || (len > 0 && len % 4096 == 0)) {
                depthSum += rows.get(i).depth();
                indexSum += i + 1;
                untouched++;
            }
        }
        assertThat(depthSum / untouched).isBetween(indexSum / untouched * 0.9, indexSum / untouched * 1.1);
        assertThat(indexSum / untouched).isBetween(entries.size() / 2.0 * 0.8, entries.size() / 2.0 * 1.2);
        assertThat(strategy("clone").hopDistribution().orElseThrow().count(0))
                .as("one zero-hop read per forked tail page")
                .isEqualTo(tails);
        assertThat(strategy("clone").setup().pagesCopied()).isEqualTo(tails);
        assertThat(strategy("clone").lookup().hops().max()).isLessThanOrEqualTo(entries.size());
    }

    @Test
    void shareCountClonesLookUpAtDepthOne() {
        assertThat(strategy("clone-sharecount").lookup().hops().max()).isEqualTo(1);
        assertThat(strategy("clone-sharecount").lookup().hops().p50()).isEqualTo(1);
    }

    @Test
    void transferMovesExactlyTheFilePagesAndCopiesNone() {
        assertThat(strategy("transfer").setup().pagesCopied()).isZero();
        assertThat(strategy("transfer").setup().pagesMoved()).isEqualTo(distinctFilePages());
    }

    @Test
    void copyCopiesExactlyTheFilePages() {
        assertThat(strategy("copy").setup().pagesCopied()).isEqualTo(distinctFilePages());
        assertThat(strategy("copy").setup().pagesMoved()).isZero();
    }

    @Test
    void transferHasTheLowestModeledBootCostOfCloneCopyAndTransfer() {
        long transfer = strategy("transfer").bootCost().modeledNs();
        assertThat(transfer).isLessThan(strategy("clone").bootCost().modeledNs());
        assertThat(transfer).isLessThan(strategy("copy").bootCost().modeledNs());
    }

    @Test
    void copyHasTheHighestSetupCost() {
        long copy = strategy("copy").setup().modeledNs();
        for (StrategyReport s : report.strategies()) {
            if (!s.name().equals("copy")) {
                assertThat(copy)
                        .as("copy vs " + s.name())
                        .isGreaterThan(s.setup().modeledNs());
            }
        }
    }

    @Test
    void bootCostIsSetupPlusLookupAndComparisonFollowsTheContractFormulas() {
        for (StrategyReport s : report.strategies()) {
            assertThat(s.bootCost().modeledNs())
                    .isEqualTo(s.setup().modeledNs() + s.lookup().modeledNs());
        }
        assertThat(report.comparison().baseline()).isEqualTo("clone");
        ProfileReport.ComparisonRow transfer = report.comparison().rows().stream()
                .filter(r -> r.strategy().equals("transfer"))
                .findFirst()
                .orElseThrow();
        StrategyReport clone = strategy("clone");
        assertThat(transfer.lookupImprovementPct())
                .isCloseTo(
                        100.0
                                * (1
                                        - (double) strategy("transfer").lookup().modeledNs()
                                                / clone.lookup().modeledNs()),
                        org.assertj.core.data.Offset.offset(1e-9));
        assertThat(transfer.bootCostChangePct()).isNegative();
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void everyFileVmoHoldsTheFilesBytes(Strategy strategy) throws Exception {
        SpliceResult result = Splicer.splice(image, strategy, ProgressListener.NONE);
        Bootfs bootfs = Bootfs.parse(image.firstBootfs().orElseThrow().payload());
        for (BootfsEntry e : bootfs.entries()) {
            ByteBuffer expected = bootfs.content(e);
            assertThat(ByteBuffer.wrap(result.readFile(e.name()))).as(e.name()).isEqualTo(expected);
        }
    }

    /**
     * The splice phase's counts for every strategy, pinned to what the report said when the splicer
     * still counted the copy strategy's vmo_write pages itself; since then pagesCopied is read from
     * the model's VmStats.pagesCopied + pagesWrittenFromUser, and no number may move.
     */
    @Test
    void everyStrategysSetupCountsAreThoseTheReportHasAlwaysShown() {
        java.util.Map<String, String> pinned = new java.util.TreeMap<>(
                java.util.Map.of(
                        "clone",
                                "syscalls=7330 vmosCreated=2384 hiddenNodes=2384"
                                        + " pagesAllocated=2383 pagesZeroed=0 pagesCopied=2383 pagesMoved=0 shareCountUpdates=0",
                        "clone-sharecount",
                                "syscalls=7330 vmosCreated=2384 hiddenNodes=1"
                                        + " pagesAllocated=2383 pagesZeroed=0 pagesCopied=2383 pagesMoved=0 shareCountUpdates=13765",
                        "copy",
                                "syscalls=12096 vmosCreated=2384 hiddenNodes=0"
                                        + " pagesAllocated=13765 pagesZeroed=13765 pagesCopied=13765 pagesMoved=0 shareCountUpdates=0",
                        "transfer",
                                "syscalls=12098 vmosCreated=2384 hiddenNodes=0"
                                        + " pagesAllocated=0 pagesZeroed=0 pagesCopied=0 pagesMoved=13765 shareCountUpdates=0"));
        java.util.Map<String, String> shown = new java.util.TreeMap<>();
        for (StrategyReport r : report.strategies()) {
            ProfileReport.Setup s = r.setup();
            shown.put(
                    r.name(),
                    "syscalls=" + s.syscalls() + " vmosCreated=" + s.vmosCreated()
                            + " hiddenNodes=" + s.hiddenNodes() + " pagesAllocated=" + s.pagesAllocated()
                            + " pagesZeroed=" + s.pagesZeroed() + " pagesCopied=" + s.pagesCopied()
                            + " pagesMoved=" + s.pagesMoved() + " shareCountUpdates=" + s.shareCountUpdates());
        }
        assertThat(shown).isEqualTo(pinned);
    }
}
