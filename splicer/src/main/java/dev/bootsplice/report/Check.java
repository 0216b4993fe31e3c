package dev.bootsplice.report;

import java.util.Locale;

/**
 * One pass-or-fail check a report shows and CI reads: a `--fail-on` budget, a size budget or a
 * gated metric against a baseline report; {@code kind} groups them (budget, size, regression).
 */
public record Check(String kind, String name, String message, boolean failed) {

    /** A metric budget's check. */
    public static Check of(BudgetResult b) {
        return new Check("budget", b.budget().text(), b.message(), b.failed());
    }

    /** A size budget's check. */
    public static Check of(SizeBudgetResult b) {
        return new Check("size", b.budget().text(), b.message(), b.failed());
    }

    /**
     * A regressed (or merely compared) metric as a check, worded as
     * {@code transfer bootCost.modeledNs grew 12.3% (1000 -> 1123), more than 5%}.
     */
    public static Check regression(MetricChange m, Double maxPct) {
        String growth =
                m.changePct() == null ? "grew from 0" : String.format(Locale.ROOT, "grew %.1f%%", m.changePct());
        String message = String.format(
                Locale.ROOT,
                "%s %s %s (%s -> %s), more than %s%%",
                m.strategy(),
                m.metric(),
                growth,
                plain(m.oldValue()),
                plain(m.newValue()),
                maxPct == null ? "0" : plain(maxPct));
        return new Check("regression", m.strategy() + " " + m.metric(), message, m.regressed());
    }

    /**
     * The words for {@code count} budgets of which {@code failed} failed: "1 budget passed",
     * "3 budgets passed", "1 of 3 budgets failed" (without a mark).
     */
    public static String budgetSummary(long count, long failed) {
        if (failed > 0) {
            return failed + " of " + Units.count(count, "budget") + " failed";
        }
        return count == 1 ? "1 budget passed" : count + " budgets passed";
    }

    /** The GitHub Actions annotation title: "bootsplice budget", "bootsplice size budget", ... */
    public String title() {
        return switch (kind) {
            case "size" -> "bootsplice size budget";
            case "regression" -> "bootsplice regression";
            default -> "bootsplice " + kind;
        };
    }

    private static String plain(Double v) {
        if (v == null) {
            return "-";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString(v.longValue())
                : String.format(Locale.ROOT, "%.3f", v);
    }
}
