package dev.bootsplice.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.testing.SampleReports;
import org.junit.jupiter.api.Test;

class ScaledChecksTest {
    @Test
    void aBudgetPerFileOrPerMibDividesByTheImagesFilesOrBootfsSize() throws Exception {
        ProfileReport r = SampleReports.profile();
        double boot = r.strategy("transfer").orElseThrow().bootCost().modeledNs();
        BudgetResult perFile =
                Budget.parse("transfer.bootCost.modeledNs/file>1").evaluate(r);
        assertThat(perFile.actual()).isCloseTo(boot / r.image().files(), within(1e-9));
        assertThat(perFile.failed()).isTrue();
        BudgetResult perMib =
                Budget.parse("transfer.bootCost.modeledNs/MiB > 1e12").evaluate(r);
        assertThat(perMib.actual()).isCloseTo(boot / (r.image().bootfsBytes() / 1048576.0), within(1e-6));
        assertThat(perMib.failed()).isFalse();
    }

    @Test
    void aBudgetRelativeToAnotherStrategyComparesWithItsScaledValue() throws Exception {
        ProfileReport r = SampleReports.profile();
        long transfer = r.strategy("transfer").orElseThrow().bootCost().modeledNs();
        long clone = r.strategy("clone").orElseThrow().bootCost().modeledNs();
        double factor = (double) transfer / clone;
        BudgetResult above = Budget.parse(
                        "transfer.bootCost.modeledNs>" + (factor * 0.99) + "*clone.bootCost.modeledNs")
                .evaluate(r);
        assertThat(above.failed()).isTrue();
        assertThat(above.limit()).isCloseTo(factor * 0.99 * clone, within(1e-6));
        assertThat(above.message()).contains("against").endsWith("(FAILED)");
        assertThat(Budget.parse("transfer.bootCost.modeledNs>" + (factor * 1.01) + "*clone.bootCost.modeledNs")
                        .evaluate(r)
                        .failed())
                .isFalse();
        assertThat(Budget.parse("transfer.setup.pagesCopied/file==copy.setup.pagesCopied/file")
                        .evaluate(r)
                        .failed())
                .isFalse();
        assertThat(Budget.parse("copy.setup.pagesCopied>=copy.setup.pagesAllocated")
                        .evaluate(r)
                        .failed())
                .isTrue();
    }

    @Test
    void malformedScaledOrRelativeBudgetsAreRejected() throws Exception {
        assertThatThrownBy(() -> Budget.parse("transfer.bootCost.modeledNs/page>1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Budget.parse("transfer.bootCost.modeledNs<0.9*"))
                .hasMessageContaining("is neither a number nor");
        assertThatThrownBy(() ->
                        Budget.parse("transfer.bootCost.modeledNs<0.9*nope").evaluate(SampleReports.profile()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Budget.parse("transfer.lookup.hops.max/file>1").evaluate(SampleReports.profile()))
                .hasMessageContaining("does not grow with the image");
    }

    @Test
    void perFileRegressionsForgiveGrowthThatCameWithMoreFiles() throws Exception {
        ProfileReport old = SampleReports.profile();
        ProfileReport grown = doubledImage(SampleReports.scaled(old, "transfer", "bootCost.modeledNs", 2));
        ReportComparison.Rule absolute = new ReportComparison.Rule(5.0, null, false, MetricTable.Per.NONE);
        ReportComparison.Rule perFile = new ReportComparison.Rule(5.0, null, false, MetricTable.Per.FILE);
        assertThat(ReportComparison.compare(MetricTable.of(old), MetricTable.of(grown), absolute)
                        .regressions())
                .extracting(MetricChange::metric)
                .contains("bootCost.modeledNs");
        assertThat(ReportComparison.compare(MetricTable.of(old), MetricTable.of(grown), perFile)
                        .regressions())
                .extracting(MetricChange::metric)
                .doesNotContain("bootCost.modeledNs/file");
    }

    /** {@code r} claiming twice the files and BOOTFS bytes. */
    private static ProfileReport doubledImage(ProfileReport r) throws Exception {
        ObjectNode tree = (ObjectNode) r.toTree();
        ObjectNode image = (ObjectNode) tree.get("image");
        image.put("files", image.get("files").asLong() * 2);
        image.put("bootfsBytes", image.get("bootfsBytes").asLong() * 2);
        return ProfileReport.fromJson(tree.toString());
    }

    @Test
    void measuredMediansAreGatedOnlyWhenAskedAndOnlyOutsideTheOldSpread() throws Exception {
        ProfileReport old = SampleReports.profile();
        long oldMax = old.strategy("copy").orElseThrow().measured().setup().maxNs();
        ProfileReport slower = SampleReports.with(old, "copy", "setup.measuredNs", oldMax * 3 + 1000);
        ReportComparison.Rule exactOnly = new ReportComparison.Rule(5.0, null, false, MetricTable.Per.NONE);
        ReportComparison.Rule gated = new ReportComparison.Rule(5.0, 50.0, false, MetricTable.Per.NONE);
        assertThat(ReportComparison.compare(MetricTable.of(old), MetricTable.of(slower), exactOnly)
                        .regressed())
                .isFalse();
        ReportComparison c = ReportComparison.compare(MetricTable.of(old), MetricTable.of(slower), gated);
        assertThat(c.regressions()).extracting(MetricChange::metric).containsExactly("setup.measuredNs");
        assertThat(c.thresholdOf(c.regressions().get(0))).isEqualTo(50.0);
        long insideSpread =
                old.strategy("copy").orElseThrow().measured().setup().maxNs();
        ProfileReport noisy = SampleReports.with(old, "copy", "setup.measuredNs", insideSpread);
        assertThat(ReportComparison.compare(
                                MetricTable.of(old),
                                MetricTable.of(noisy),
                                new ReportComparison.Rule(5.0, 0.0, false, MetricTable.Per.NONE))
                        .regressed())
                .as("a median within the old min-max spread is noise")
                .isFalse();
    }
}
