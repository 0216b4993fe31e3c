package dev.bootsplice.profile;

import dev.bootsplice.profile.CostModel.Op;
import dev.bootsplice.profile.ProfileReport.Lookup;
import dev.bootsplice.profile.ProfileReport.Setup;
import java.util.EnumMap;
import java.util.Map;

/**
 * A strategy's modeled boot cost split by operation: setup = syscalls × syscall + (VMOs created +
 * hidden nodes created) × vmoCreate + pages allocated × pageAlloc + zeroed × pageZero + copied ×
 * pageCopy + moved × pageMove; lookup = accesses × pageFault + hops × lookupHop.
 */
public final class CostBreakdown {
  private CostBreakdown() {}

  /** The setup phase's cost per operation, in ns (setup operations only, contract order). */
  public static Map<Op, Long> setup(Setup s, CostModel m) {
    Map<Op, Long> ns = new EnumMap<>(Op.class);
    ns.put(Op.SYSCALL, m.cost(Op.SYSCALL, s.syscalls()));
    ns.put(Op.VMO_CREATE, m.cost(Op.VMO_CREATE, s.vmosCreated() + s.hiddenNodes()));
    ns.put(Op.PAGE_ALLOC, m.cost(Op.PAGE_ALLOC, s.pagesAllocated()));
    ns.put(Op.PAGE_ZERO, m.cost(Op.PAGE_ZERO, s.pagesZeroed()));
    ns.put(Op.PAGE_COPY, m.cost(Op.PAGE_COPY, s.pagesCopied()));
    ns.put(Op.PAGE_MOVE, m.cost(Op.PAGE_MOVE, s.pagesMoved()));
    return ns;
  }

  /** The lookup phase's cost per operation, in ns. */
  public static Map<Op, Long> lookup(Lookup l, CostModel m) {
    Map<Op, Long> ns = new EnumMap<>(Op.class);
    ns.put(Op.PAGE_FAULT, m.cost(Op.PAGE_FAULT, l.accesses()));
    ns.put(Op.LOOKUP_HOP, m.cost(Op.LOOKUP_HOP, l.hops().total()));
    return ns;
  }

  /** Every operation's cost for one strategy: setup's then lookup's. */
  public static Map<Op, Long> all(ProfileReport.StrategyReport s, CostModel m) {
    Map<Op, Long> ns = setup(s.setup(), m);
    ns.putAll(lookup(s.lookup(), m));
    return ns;
  }

  static long sum(Map<Op, Long> ns) {
    return ns.values().stream().mapToLong(Long::longValue).sum();
  }
}
