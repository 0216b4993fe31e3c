package dev.bootsplice.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.report.Budget;
import dev.bootsplice.report.ReportContext;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class VerdictTest {
    /** A one-strategy report whose lookup walks {@code maxHops} at most and whose boot costs {@code bootNs}. */
    static ProfileReport report(String strategy, long maxHops, long setupNs, long lookupNs) {
        ProfileReport.StrategyReport s = new ProfileReport.StrategyReport(
                strategy,
                new ProfileReport.KernelInfo("2023", "RFC_0223", "LEGACY_CHAIN"),
                new ProfileReport.Setup(10, 3, 1, 4, 0, 0, 0, 0, setupNs, setupNs),
                new ProfileReport.Lookup(
                        8,
                        new ProfileReport.Hops(8 * maxHops, maxHops, maxHops, maxHops, maxHops, maxHops),
                        lookupNs,
                        lookupNs),
                new ProfileReport.Memory(4, 4),
                new ProfileReport.BootCost(setupNs + lookupNs),
                null);
        return new ProfileReport(
                new ProfileReport.Tool("bootsplice", "test"),
                new ProfileReport.Image("img.zbi", "00", 2, 8192, 2),
                new ProfileReport.TraceInfo("all", 8),
                new ProfileReport.CostModelInfo("default", Map.of("syscall", 1.0)),
                List.of(s),
                new ProfileReport.Comparison(strategy, List.of()));
    }

    private static ReportContext judge(ProfileReport report, ProfileReport baseline, String... budgets)
            throws MojoExecutionException {
        return ReportContext.of(report, baseline, 5.0, AbstractReportMojo.budgets(List.of(budgets)));
    }

    @Test
    void failedBudgetGivesOneFailureLineNamingIt() throws Exception {
        Verdict v = Verdict.of(
                judge(report("clone", 1, 100, 100), null, "clone.lookup.hops.max>0", "clone.bootCost.modeledNs>1e6"),
                true);
        assertThat(v.failures())
                .containsExactly("bootsplice: check failed: clone.lookup.hops.max>0: actual 1 (FAILED)");
        assertThat(v.passed()).containsExactly("bootsplice: 1 budget passed");
        assertThat(v.warnings()).isEmpty();
    }

    @Test
    void everyFailedBudgetHasItsOwnLine() throws Exception {
        Verdict v = Verdict.of(
                judge(report("copy", 0, 5000, 100), null, "copy.setup.modeledNs>=5000", "copy.lookup.hops.max==0"),
                true);
        assertThat(v.failures()).hasSize(2).allSatisfy(line -> assertThat(line)
                .startsWith("bootsplice: check failed: "));
    }

    @Test
    void regressionBeyondTheThresholdFailsWhenAsked() throws Exception {
        Verdict v = Verdict.of(judge(report("transfer", 0, 1000, 1200), report("transfer", 0, 1000, 1000)), true);
        assertThat(v.failures())
                .isNotEmpty()
                .containsExactly("bootsplice: check failed: transfer bootCost.modeledNs grew 10.0% (2000 -> 2200), "
                        + "more than 5%");
    }

    @Test
    void regressionOnlyWarnsWhenFailOnRegressionIsOff() throws Exception {
        Verdict v = Verdict.of(judge(report("transfer", 0, 1000, 3000), report("transfer", 0, 1000, 1000)), false);
        assertThat(v.failures()).isEmpty();
        assertThat(v.warnings())
                .containsExactly(
                        "bootsplice: regression: transfer bootCost.modeledNs grew 100.0% (2000 -> 4000), more than 5%");
    }

    @Test
    void growthWithinTheThresholdPasses() throws Exception {
        Verdict v = Verdict.of(judge(report("clone", 1, 1000, 1040), report("clone", 1, 1000, 1000)), true);
        assertThat(v.failures()).isEmpty();
        assertThat(v.passed()).containsExactly("bootsplice: no regression beyond 5% against img.zbi");
    }

    @Test
    void noBudgetsAndNoBaselineSayNothing() throws Exception {
        Verdict v = Verdict.of(judge(report("clone", 1, 1, 1), null), true);
        assertThat(v.failures()).isEmpty();
        assertThat(v.passed()).isEmpty();
    }

    @Test
    void budgetsMayBeCommaSeparated() throws Exception {
        assertThat(AbstractReportMojo.budgets(List.of("clone.lookup.hops.max>0, copy.bootCost.modeledNs>2e9")))
                .extracting(Budget::text)
                .containsExactly("clone.lookup.hops.max>0", "copy.bootCost.modeledNs>2e9");
    }

    @Test
    void malformedBudgetFailsNamingTheParameter() {
        assertThatThrownBy(() -> AbstractReportMojo.budgets(List.of("clone.lookup.hops.max")))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("bootsplice: <failOn>: ");
    }
}
