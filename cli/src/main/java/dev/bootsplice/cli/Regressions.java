package dev.bootsplice.cli;

import dev.bootsplice.report.MetricChange;
import java.util.Locale;

/** Words a regressed metric for the one-line check failure on stderr. */
final class Regressions {
    private Regressions() {
    }

    /** Returns e.g. {@code transfer bootCost.modeledNs grew 12.3% (1000 -> 1123), more than 5%}. */
    static String describe(MetricChange m, Double maxPct) {
        String growth = m.changePct() == null ? "grew from 0" : String.format(Locale.ROOT, "grew %.1f%%", m.changePct());
        return String.format(Locale.ROOT, "%s %s %s (%s -> %s), more than %s%%", m.strategy(), m.metric(), growth,
                number(m.oldValue()), number(m.newValue()), maxPct == null ? "0" : number(maxPct));
    }

    private static String number(Double v) {
        if (v == null) {
            return "-";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString(v.longValue()) : String.format(Locale.ROOT, "%.3f", v);
    }
}
