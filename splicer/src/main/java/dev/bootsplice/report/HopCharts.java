package dev.bootsplice.report;

import dev.bootsplice.profile.ProfileReport.Hops;
import dev.bootsplice.profile.ProfileReport.StrategyReport;
import dev.bootsplice.splice.HopDistribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Histograms of lookup hops per page read, one per strategy, all on one x range: one bin per hop
 * count when the deepest lookup of any strategy is at most {@link #LINEAR_LIMIT} hops, else
 * power-of-two bins (0, 1, 2–3, 4–7, …), the same for every strategy; the y axis (page reads) is
 * shared too. Reports read back from JSON have no distribution and get percentile bars instead.
 */
final class HopCharts {
    /** Deepest lookup drawn with one bin per hop count. */
    static final int LINEAR_LIMIT = 40;

    private static final double LEFT = 150;
    private static final double RIGHT = Svg.WIDTH - 20;
    private static final double TOP = 28;
    private static final double PLOT = 110;

    private HopCharts() {}

    /** A bin of hop counts {@code [from, to]}. */
    record Bin(int from, int to) {
        /** The full range, for tooltips: "4–7". */
        String range() {
            return from == to ? Integer.toString(from) : from + "–" + to;
        }

        /** The axis label: the bin's lower bound, "4" (with power-of-two bins the axis title says so). */
        String label() {
            return String.format(Locale.ROOT, "%,d", from);
        }
    }

    /** One chart per strategy, on shared axes. */
    static List<String> charts(List<StrategyReport> strategies) {
        boolean full = strategies.stream().allMatch(s -> s.hopDistribution().isPresent());
        List<String> charts = new ArrayList<>();
        if (full) {
            int max = strategies.stream()
                    .mapToInt(s -> s.hopDistribution().get().max())
                    .max()
                    .orElse(0);
            List<Bin> bins = bins(max);
            List<long[]> counts = strategies.stream()
                    .map(s -> counts(s.hopDistribution().get(), bins))
                    .toList();
            long top = counts.stream().flatMapToLong(Arrays::stream).max().orElse(0);
            Svg.Scale y = Svg.Scale.of(top, Svg::compact);
            for (int i = 0; i < strategies.size(); i++) {
                charts.add(histogram(strategies.get(i), i, bins, counts.get(i), y, max > LINEAR_LIMIT));
            }
        } else {
            double max = strategies.stream()
                    .mapToDouble(s -> s.lookup().hops().max())
                    .max()
                    .orElse(0);
            Svg.Scale x = Svg.Scale.of(max, Svg::compact);
            for (int i = 0; i < strategies.size(); i++) {
                charts.add(percentiles(strategies.get(i), i, x));
            }
        }
        return charts;
    }

    /** The shared bins for hop counts 0..{@code max}. */
    static List<Bin> bins(int max) {
        List<Bin> bins = new ArrayList<>();
        if (max <= LINEAR_LIMIT) {
            for (int h = 0; h <= max; h++) {
                bins.add(new Bin(h, h));
            }
            return bins;
        }
        bins.add(new Bin(0, 0));
        for (long from = 1; from <= max; from *= 2) {
            bins.add(new Bin((int) from, (int) Math.min(Integer.MAX_VALUE, 2 * from - 1)));
        }
        return bins;
    }

    private static long[] counts(HopDistribution d, List<Bin> bins) {
        long[] counts = new long[bins.size()];
        for (int b = 0; b < bins.size(); b++) {
            for (long h = bins.get(b).from(); h <= Math.min(bins.get(b).to(), d.max()); h++) {
                counts[b] += d.count((int) h);
            }
        }
        return counts;
    }

    private static String histogram(
            StrategyReport s, int index, List<Bin> bins, long[] counts, Svg.Scale y, boolean log) {
        HopDistribution d = s.hopDistribution().get();
        Svg svg = chart(s);
        double bottom = TOP + PLOT;
        svg.text(10, 18, ReportTables.column(s), "start", "label");
        svg.text(
                RIGHT,
                18,
                String.format(
                        Locale.ROOT,
                        "%s, mean %.1f hops, p99 %s, max %s",
                        Units.count(d.accesses(), "page read"),
                        d.mean(),
                        Units.count(d.percentile(99), "hop"),
                        Units.count(d.max(), "hop")),
                "end",
                "note");
        svg.yAxis(y, LEFT, TOP, bottom, RIGHT, "page reads");
        double slot = (RIGHT - LEFT) / bins.size();
        double width = Math.min(60, slot * 0.8);
        for (int b = 0; b < bins.size(); b++) {
            double x = LEFT + b * slot + (slot - width) / 2;
            double h = y.fraction(counts[b]) * PLOT;
            svg.rect(
                    x,
                    bottom - h,
                    width,
                    h,
                    SvgCharts.colour(s, index),
                    s.name() + ", " + bins.get(b).range() + " hops: " + Units.count(counts[b], "page read"));
            if (counts[b] > 0) {
                svg.text(x + width / 2, bottom - h - 4, Svg.compact(counts[b]), "middle", "value small");
            }
            if (bins.size() <= 24 || b % ((bins.size() + 23) / 24) == 0) {
                svg.text(x + width / 2, bottom + 16, bins.get(b).label(), "middle", "tick");
            }
        }
        svg.line(LEFT, bottom, RIGHT, bottom, "axis");
        svg.text(
                (LEFT + RIGHT) / 2,
                bottom + 36,
                log
                        ? "hops per page read, power-of-two bins (4 = 4–7 hops), shared by every strategy"
                        : "hops per page read (shared by every strategy)",
                "middle",
                "axis-title");
        return svg.finish((int) bottom + 46);
    }

    /** An empty hop chart of {@code s}, titled with its kernel. */
    private static Svg chart(StrategyReport s) {
        return new Svg(
                "Lookup hops per page read, " + s.name() + " on kernel " + ReportTables.kernelOf(s), "chart hops");
    }

    private static String percentiles(StrategyReport s, int index, Svg.Scale x) {
        Hops h = s.lookup().hops();
        Svg svg = chart(s);
        String[] names = {"mean", "p50", "p90", "p99", "max"};
        double[] values = {h.mean(), h.p50(), h.p90(), h.p99(), h.max()};
        double right = RIGHT - 80;
        svg.text(10, 18, ReportTables.column(s), "start", "label");
        double axisY = TOP + names.length * 24 + 2;
        svg.xAxis(x, LEFT, right, axisY, TOP, "hops per page read (same scale for every strategy)");
        for (int i = 0; i < names.length; i++) {
            double w = x.fraction(values[i]) * (right - LEFT);
            double y = TOP + i * 24 + 2;
            svg.text(LEFT - 8, y + 14, names[i], "end", "tick");
            svg.rect(
                    LEFT,
                    y,
                    Math.max(1, w),
                    18,
                    SvgCharts.colour(s, index),
                    s.name() + " " + names[i] + ": " + Metrics.format(values[i]));
            svg.text(LEFT + w + 6, y + 14, Metrics.format(values[i]), "start", "value");
        }
        return svg.finish((int) axisY + 44);
    }
}
