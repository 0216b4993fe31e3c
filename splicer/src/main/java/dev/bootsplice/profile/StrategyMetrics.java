package dev.bootsplice.profile;

import dev.bootsplice.profile.ProfileReport.BootCost;
import dev.bootsplice.profile.ProfileReport.Hops;
import dev.bootsplice.profile.ProfileReport.Lookup;
import dev.bootsplice.profile.ProfileReport.Memory;
import dev.bootsplice.profile.ProfileReport.Setup;
import dev.bootsplice.profile.ProfileReport.StrategyReport;
import dev.bootsplice.splice.HopDistribution;
import dev.bootsplice.splice.LookupRun;
import dev.bootsplice.splice.SpliceCounters;
import dev.bootsplice.splice.SpliceResult;
import dev.bootsplice.vm.KernelConfig;
import dev.bootsplice.vm.VmStats;

/** One strategy's report row from its spliced model and lookup replay. */
final class StrategyMetrics {
    private StrategyMetrics() {}

    static StrategyReport of(String name, SpliceResult spliced, LookupRun run, CostModel model) {
        SpliceCounters c = spliced.counters();
        Setup counted = new Setup(
                c.syscalls(),
                c.vmosCreated(),
                c.hiddenNodesCreated(),
                c.pagesAllocated(),
                c.pagesZeroed(),
                c.pagesCopied(),
                c.pagesMoved(),
                c.shareCountUpdates(),
                0,
                0);
        long setupNs = CostBreakdown.sum(CostBreakdown.setup(counted, model));
        Setup setup = counted.withCosts(setupNs, spliced.setupNanos());
        HopDistribution d = run.hops();
        Hops hops = new Hops(d.total(), d.mean(), d.percentile(50), d.percentile(90), d.percentile(99), d.max());
        Lookup counts = new Lookup(d.accesses(), hops, 0, 0);
        long lookupNs = CostBreakdown.sum(CostBreakdown.lookup(counts, model));
        Lookup lookup = counts.withCosts(lookupNs, run.measuredNs());
        VmStats end = spliced.kernel().stats();
        KernelConfig k = spliced.config();
        ProfileReport.KernelInfo kernel = new ProfileReport.KernelInfo(
                spliced.era().cliName(), k.profile().name(), k.clones().name());
        return new StrategyReport(
                name,
                kernel,
                setup,
                lookup,
                new Memory(end.peakPagesAllocated(), end.pagesAllocated()),
                new BootCost(setupNs + lookupNs),
                d);
    }
}
