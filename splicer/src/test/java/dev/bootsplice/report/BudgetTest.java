package dev.bootsplice.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.testing.SampleReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BudgetTest {
    @Test
    void aBudgetOnTransferHopsDoesNotFireBecauseTransferWalksNoHop() throws Exception {
        BudgetResult r = Budget.parse("transfer.lookup.hops.max>0").evaluate(SampleReports.profile());
        assertThat(r.failed()).isFalse();
        assertThat(r.actual()).isZero();
        assertThat(r.message()).isEqualTo("transfer.lookup.hops.max>0: actual 0 (ok)");
    }

    @Test
    void theSameBudgetOnLegacyClonesFires() throws Exception {
        BudgetResult r = Budget.parse("clone.lookup.hops.max>0").evaluate(SampleReports.profile());
        assertThat(r.failed()).isTrue();
        assertThat(r.message()).endsWith("(FAILED)");
    }

    @Test
    void scientificThresholdsParseAndCompare() throws Exception {
        ProfileReport report =
                SampleReports.with(SampleReports.profile(), "copy", "bootCost.modeledNs", 3_000_000_000L);
        assertThat(Budget.parse("copy.bootCost.modeledNs>2e9").evaluate(report).failed())
                .isTrue();
        assertThat(Budget.parse("copy.bootCost.modeledNs>4e9").evaluate(report).failed())
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "transfer.setup.pagesCopied==0, true", "transfer.setup.pagesCopied!=0, false",
        "transfer.setup.pagesCopied>=0, true", "transfer.setup.pagesCopied<=0, true",
        "transfer.setup.pagesCopied<0, false", "transfer.setup.pagesCopied>0, false",
        "' copy.setup.pagesCopied > 1 ', true", "clone-sharecount.lookup.hops.max==1, true",
        "clone-sharecount.lookup.hops.mean>1.5, false"
    })
    void everyOperatorCompares(String expression, boolean fires) throws Exception {
        assertThat(Budget.parse(expression).evaluate(SampleReports.profile()).failed())
                .isEqualTo(fires);
    }

    @Test
    void malformedBudgetsAreRejectedWithTheExpectedShape() {
        assertThatThrownBy(() -> Budget.parse("transfer.lookup.hops.max"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected STRATEGY.PATH[/file|/MiB] OP");
        assertThatThrownBy(() -> Budget.parse("transfer.lookup.hops.max>>1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Budget.parse("transfer>1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Budget.parse("transfer.x>1e"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a number");
    }

    @Test
    void unknownStrategiesAndMetricsAreNamedWhenEvaluated() throws Exception {
        ProfileReport r = SampleReports.profile();
        assertThatThrownBy(() -> Budget.parse("nope.bootCost.modeledNs>1").evaluate(r))
                .hasMessageContaining("strategy \"nope\" was not profiled");
        assertThatThrownBy(() -> Budget.parse("copy.bootCost.speed>1").evaluate(r))
                .hasMessageContaining("no metric \"bootCost.speed\"")
                .hasMessageContaining("lookup.hops.max");
    }
}
