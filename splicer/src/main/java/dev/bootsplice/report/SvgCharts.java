package dev.bootsplice.report;

import dev.bootsplice.profile.CostBreakdown;
import dev.bootsplice.profile.CostModel;
import dev.bootsplice.profile.CostModel.Op;
import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.profile.ProfileReport.StrategyReport;
import dev.bootsplice.splice.Strategy;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Inline SVG bar charts (no scripts) with a labelled value axis and every value printed beside its
 * bar: the boot-cost breakdown, setup and lookup apart, and memory; one row per strategy of the
 * report, in report order.
 */
final class SvgCharts {
    static final String[] OP_COLOURS = {
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"
    };
    static final String[] STRATEGY_COLOURS = {"#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    private static final int LABEL = 150;
    private static final int ROW = 34;
    private static final int TOP = 10;
    /** Width of one legend entry; the legend wraps onto more rows when the cost model has more operations. */
    private static final int LEGEND_SLOT = 118;

    private SvgCharts() {}

    /** An operation's colour (the palette repeats if the cost model outgrows it). */
    static String opColour(Op op) {
        return OP_COLOURS[op.ordinal() % OP_COLOURS.length];
    }

    /** The colour of the strategy at {@code index} in the report. */
    static String colour(int index) {
        return STRATEGY_COLOURS[index % STRATEGY_COLOURS.length];
    }

    /** A strategy's own colour, the same in every report (by its place in {@link Strategy}), else by {@code index}. */
    static String colour(StrategyReport s, int index) {
        try {
            return colour(Strategy.parse(s.name()).ordinal());
        } catch (IllegalArgumentException e) {
            return colour(index);
        }
    }

    /** One stacked bar per strategy: each operation's share of the modeled boot cost, total beside it. */
    static String bootCost(List<StrategyReport> strategies, CostModel model) {
        Svg svg = new Svg("Modeled boot cost per strategy, split by operation", "chart cost");
        double right = Svg.WIDTH - 110;
        Svg.Scale scale = Svg.Scale.of(max(strategies, s -> s.bootCost().modeledNs()), Svg::ms);
        double axisY = TOP + ROW * strategies.size() + 4;
        svg.xAxis(scale, LABEL, right, axisY, TOP, "modeled boot cost (ms): setup operations, then lookup");
        for (int i = 0; i < strategies.size(); i++) {
            StrategyReport s = strategies.get(i);
            double y = TOP + i * ROW + 4;
            svg.text(LABEL - 8, y + 17, ReportTables.column(s), "end", "label");
            double x = LABEL;
            for (Map.Entry<Op, Long> part : CostBreakdown.all(s, model).entrySet()) {
                double w = scale.fraction(part.getValue()) * (right - LABEL);
                svg.rect(
                        x,
                        y,
                        w,
                        ROW - 10,
                        opColour(part.getKey()),
                        ReportTables.column(s) + " " + part.getKey().key() + ": " + Units.millis(part.getValue()));
                x += w;
            }
            svg.text(x + 6, y + 17, Units.millis(s.bootCost().modeledNs()), "start", "value");
        }
        double legendY = axisY + 52;
        int perRow = (Svg.WIDTH - 10) / LEGEND_SLOT;
        for (Op op : Op.values()) {
            double x = 10 + (op.ordinal() % perRow) * LEGEND_SLOT;
            double y = legendY + (op.ordinal() / perRow) * 20;
            svg.rect(x, y, 14, 14, opColour(op), op.key());
            svg.text(x + 19, y + 12, op.key(), "start", "legend");
        }
        int legendRows = (Op.values().length + perRow - 1) / perRow;
        return svg.finish((int) legendY + 20 * legendRows + 4);
    }

    /** Setup and lookup apart: two panels, each with its own axis, one bar per strategy. */
    static String phases(List<StrategyReport> strategies) {
        Svg svg = new Svg("Modeled setup and lookup cost per strategy", "chart phases");
        double half = Svg.WIDTH / 2.0;
        panel(svg, strategies, 0, half - 20, "setup (ms): creating every file's VMO", s -> s.setup()
                .modeledNs());
        panel(svg, strategies, half + 10, Svg.WIDTH - 10, "lookup (ms): the boot's page reads", s -> s.lookup()
                .modeledNs());
        return svg.finish(TOP + ROW * strategies.size() + 48);
    }

    private static void panel(
            Svg svg,
            List<StrategyReport> strategies,
            double x0,
            double x1,
            String title,
            ToDoubleFunction<StrategyReport> value) {
        double label = x0 + 150;
        double right = x1 - 85;
        Svg.Scale scale = Svg.Scale.of(max(strategies, value), Svg::ms);
        double axisY = TOP + ROW * strategies.size() + 4;
        svg.xAxis(scale, label, right, axisY, TOP, title);
        for (int i = 0; i < strategies.size(); i++) {
            StrategyReport s = strategies.get(i);
            double y = TOP + i * ROW + 4;
            double w = scale.fraction(value.applyAsDouble(s)) * (right - label);
            svg.text(label - 8, y + 17, ReportTables.column(s), "end", "label");
            svg.rect(
                    label,
                    y,
                    w,
                    ROW - 10,
                    colour(s, i),
                    ReportTables.column(s) + ": " + Units.millis(value.applyAsDouble(s)));
            svg.text(label + w + 6, y + 17, Units.millis(value.applyAsDouble(s)), "start", "value");
        }
    }

    /** Peak and end model pages per strategy, side by side, with their counts printed. */
    static String memory(List<StrategyReport> strategies, ProfileReport.Comparison comparison) {
        Svg svg = new Svg("Model pages per strategy: peak and at the end", "chart memory");
        double right = Svg.WIDTH - 230;
        int row = 44;
        Svg.Scale scale = Svg.Scale.of(max(strategies, s -> s.memory().peakPages()), Svg::compact);
        double axisY = TOP + row * strategies.size() + 4;
        svg.xAxis(scale, LABEL, right, axisY, TOP, "model pages (4 KiB each)");
        for (int i = 0; i < strategies.size(); i++) {
            StrategyReport s = strategies.get(i);
            double y = TOP + i * row + 4;
            svg.text(LABEL - 8, y + 22, ReportTables.column(s), "end", "label");
            String vs = comparison.rows().stream()
                    .filter(c -> c.strategy().equals(s.name()))
                    .findFirst()
                    .map(c -> " (" + Metrics.pct(c.peakMemoryChangePct()) + " vs " + comparison.baseline() + ")")
                    .orElse("");
            bar(svg, scale, right, y, 17, colour(s, i), "peak" + vs, s.memory().peakPages(), ReportTables.column(s));
            bar(svg, scale, right, y + 19, 17, "#999", "end", s.memory().endPages(), ReportTables.column(s));
        }
        double legendY = axisY + 50;
        svg.rect(10, legendY, 14, 14, colour(strategies.get(0), 0), "peak")
                .text(29, legendY + 12, "peak pages (strategy colour)", "start", "legend");
        svg.rect(260, legendY, 14, 14, "#999", "end")
                .text(279, legendY + 12, "pages at the end (grey)", "start", "legend");
        return svg.finish((int) legendY + 24);
    }

    private static void bar(
            Svg svg,
            Svg.Scale scale,
            double right,
            double y,
            double h,
            String fill,
            String what,
            long pages,
            String strategy) {
        double w = scale.fraction(pages) * (right - LABEL);
        String value = Metrics.format((double) pages) + " " + what;
        svg.rect(LABEL, y, w, h, fill, strategy + " " + value + " pages");
        svg.text(LABEL + w + 6, y + 13, value, "start", "value");
    }

    private static double max(List<StrategyReport> strategies, ToDoubleFunction<StrategyReport> value) {
        return strategies.stream().mapToDouble(value).max().orElse(0);
    }
}
