package dev.bootsplice.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.testing.SampleReports;
import org.junit.jupiter.api.Test;

class ReportComparisonTest {
    @Test
    void aReportComparedWithItselfHasNoRegressionAndZeroChanges() throws Exception {
        ProfileReport r = SampleReports.profile();
        ReportComparison c = ReportComparison.compare(r, r, 5);
        assertThat(c.regressed()).isFalse();
        assertThat(c.changes()).isNotEmpty().allSatisfy(m -> {
            if (m.oldValue() != 0) {
                assertThat(m.changePct()).isZero();
            }
        });
    }

    @Test
    void growthBeyondTheThresholdIsARegressionAndWithinItIsNot() throws Exception {
        ProfileReport old = SampleReports.profile();
        ProfileReport grown = SampleReports.scaled(old, "transfer", "bootCost.modeledNs", 1.10);
        assertThat(ReportComparison.compare(old, grown, 5).regressions())
                .extracting(MetricChange::strategy, MetricChange::metric)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("transfer", "bootCost.modeledNs"));
        assertThat(ReportComparison.compare(old, grown, 15).regressed()).isFalse();
        MetricChange change =
                ReportComparison.compare(old, grown, 5).regressions().get(0);
        assertThat(change.changePct()).isCloseTo(10.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aReportWrittenBeforeKernelsWereRecordedIsStillComparedAndRendered() throws Exception {
        ProfileReport now = SampleReports.profile();
        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) now.toTree();
        tree.withArray("strategies")
                .forEach(st -> ((com.fasterxml.jackson.databind.node.ObjectNode) st).remove("kernel"));
        ProfileReport old = ProfileReport.fromJson(tree.toString());
        assertThat(old.strategies()).allSatisfy(st -> assertThat(st.kernel()).isNull());
        ReportComparison c = ReportComparison.compare(old, now, 5);
        assertThat(c.regressed()).isFalse();
        assertThat(c.changes()).extracting(MetricChange::strategy).contains("clone", "transfer");
        java.io.StringWriter text = new java.io.StringWriter();
        Reports.write(
                old,
                ReportFormat.TEXT,
                ReportContext.of(old, null, null, java.util.List.of()),
                new java.io.PrintWriter(text));
        assertThat(text.toString()).contains("not recorded");
    }

    @Test
    void shrinkingIsNeverARegression() throws Exception {
        ProfileReport old = SampleReports.profile();
        ProfileReport better = SampleReports.scaled(old, "clone", "lookup.hops.total", 0.5);
        assertThat(ReportComparison.compare(old, better, 0).regressed()).isFalse();
    }

    @Test
    void growthFromZeroIsARegression() throws Exception {
        ProfileReport old = SampleReports.profile();
        ProfileReport worse = SampleReports.with(old, "transfer", "lookup.hops.total", 7);
        ReportComparison c = ReportComparison.compare(old, worse, 5);
        assertThat(c.regressions()).extracting(MetricChange::metric).containsExactly("lookup.hops.total");
        assertThat(c.regressions().get(0).changePct()).isNull();
    }

    @Test
    void measuredTimesAreShownButNeverGated() throws Exception {
        ProfileReport old = SampleReports.profile();
        ProfileReport slower = SampleReports.scaled(old, "copy", "setup.measuredNs", 10);
        ReportComparison c = ReportComparison.compare(old, slower, 5);
        assertThat(c.regressed()).isFalse();
        assertThat(c.changes()).anySatisfy(m -> assertThat(m.metric()).isEqualTo("setup.measuredNs"));
    }

    @Test
    void theProfileCheckGatesOnlyBootCostHopsAndSetupCost() throws Exception {
        ProfileReport old = SampleReports.profile();
        ProfileReport moreSyscalls = SampleReports.scaled(old, "copy", "setup.syscalls", 2);
        assertThat(ReportComparison.headline(old, moreSyscalls, 5.0).regressed())
                .isFalse();
        assertThat(ReportComparison.compare(old, moreSyscalls, 5).regressed()).isTrue();
        ProfileReport slowerSetup = SampleReports.scaled(old, "copy", "setup.modeledNs", 1.2);
        assertThat(ReportComparison.headline(old, slowerSetup, 5.0).regressed()).isTrue();
        assertThat(ReportComparison.headline(old, slowerSetup, null).regressed())
                .isFalse();
    }

    @Test
    void aBaselineContextFailsOnlyWhenARegressionOrBudgetFails() throws Exception {
        ProfileReport old = SampleReports.profile();
        ProfileReport grown = SampleReports.scaled(old, "clone", "lookup.hops.total", 2);
        assertThat(ReportContext.of(grown, old, 5.0, java.util.List.of()).failed())
                .isTrue();
        assertThat(ReportContext.of(old, old, 5.0, java.util.List.of()).failed())
                .isFalse();
        assertThat(ReportContext.of(old, null, null, java.util.List.of(Budget.parse("clone.lookup.hops.max>0")))
                        .failed())
                .isTrue();
    }

    @Test
    void aStrategyMissingFromTheOldReportIsShownAsNewAndNeverRegresses() throws Exception {
        ProfileReport all = SampleReports.profile();
        ProfileReport onlyTransfer = new ProfileReport(
                all.tool(),
                all.image(),
                all.trace(),
                all.costModel(),
                java.util.List.of(all.strategy("transfer").orElseThrow()),
                all.comparison());
        ReportComparison c = ReportComparison.compare(onlyTransfer, all, 0);
        assertThat(c.regressed()).isFalse();
        assertThat(c.changes())
                .filteredOn(m -> m.strategy().equals("copy"))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.oldValue()).isNull());
        java.io.StringWriter out = new java.io.StringWriter();
        Reports.writeComparison(c, ReportFormat.TEXT, out);
        assertThat(out.toString()).containsPattern("copy setup.syscalls\\s+-\\s+[0-9,]+\\s+new");
    }
}
