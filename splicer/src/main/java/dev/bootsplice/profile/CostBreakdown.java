package dev.bootsplice.profile;

import dev.bootsplice.profile.CostModel.Op;
import dev.bootsplice.profile.ProfileReport.Lookup;
import dev.bootsplice.profile.ProfileReport.Setup;
import java.util.EnumMap;
import java.util.Map;

/**
 * A strategy's modeled boot cost split by operation: setup = syscalls × syscall + (VMOs created +
 * hidden nodes created) × vmoCreate + pages allocated × pageAlloc + zeroed × pageZero + copied ×
 * pageCopy + moved × pageMove + share-count updates × shareCountUpdate; lookup = accesses ×
 * pageFault + hops × lookupHop. The counts per operation ({@link #counts}) are the one place that
 * says which counter each cost multiplies.
 */
public final class CostBreakdown {
    private CostBreakdown() {}

    /** How many of each setup operation the splice performed (setup operations only, contract order). */
    public static Map<Op, Long> setupCounts(Setup s) {
        Map<Op, Long> n = new EnumMap<>(Op.class);
        n.put(Op.SYSCALL, s.syscalls());
        n.put(Op.VMO_CREATE, s.vmosCreated() + s.hiddenNodes());
        n.put(Op.PAGE_ALLOC, s.pagesAllocated());
        n.put(Op.PAGE_ZERO, s.pagesZeroed());
        n.put(Op.PAGE_COPY, s.pagesCopied());
        n.put(Op.PAGE_MOVE, s.pagesMoved());
        n.put(Op.SHARE_COUNT_UPDATE, s.shareCountUpdates());
        return n;
    }

    /** How many of each lookup operation the boot accesses performed. */
    public static Map<Op, Long> lookupCounts(Lookup l) {
        Map<Op, Long> n = new EnumMap<>(Op.class);
        n.put(Op.PAGE_FAULT, l.accesses());
        n.put(Op.LOOKUP_HOP, l.hops().total());
        return n;
    }

    /** Every operation's count for one strategy: setup's then lookup's. */
    public static Map<Op, Long> counts(ProfileReport.StrategyReport s) {
        Map<Op, Long> n = setupCounts(s.setup());
        n.putAll(lookupCounts(s.lookup()));
        return n;
    }

    /** The setup phase's cost per operation, in ns (setup operations only, contract order). */
    public static Map<Op, Long> setup(Setup s, CostModel m) {
        return priced(setupCounts(s), m);
    }

    /** The lookup phase's cost per operation, in ns. */
    public static Map<Op, Long> lookup(Lookup l, CostModel m) {
        return priced(lookupCounts(l), m);
    }

    /** Every operation's cost for one strategy: setup's then lookup's. */
    public static Map<Op, Long> all(ProfileReport.StrategyReport s, CostModel m) {
        return priced(counts(s), m);
    }

    /** The modeled boot cost of counts {@code n} under {@code m}, as the profiler rounds it. */
    public static long total(Map<Op, Long> n, CostModel m) {
        return sum(priced(n, m));
    }

    private static Map<Op, Long> priced(Map<Op, Long> counts, CostModel m) {
        Map<Op, Long> ns = new EnumMap<>(Op.class);
        counts.forEach((op, n) -> ns.put(op, m.cost(op, n)));
        return ns;
    }

    /** The sum of per-operation costs {@code ns}, e.g. of {@link #setup} or {@link #lookup}. */
    public static long sum(Map<Op, Long> ns) {
        return ns.values().stream().mapToLong(Long::longValue).sum();
    }
}
