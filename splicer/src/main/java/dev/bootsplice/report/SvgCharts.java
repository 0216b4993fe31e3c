package dev.bootsplice.report;

import dev.bootsplice.profile.CostBreakdown;
import dev.bootsplice.profile.CostModel;
import dev.bootsplice.profile.CostModel.Op;
import dev.bootsplice.profile.ProfileReport.Hops;
import dev.bootsplice.profile.ProfileReport.StrategyReport;
import dev.bootsplice.splice.HopDistribution;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Inline SVG charts (no scripts): the boot-cost breakdown and the lookup-hop distribution. */
final class SvgCharts {
  static final int WIDTH = 1100;
  private static final int LABEL = 150;
  private static final int BAR_AREA = 780;
  /** Most histogram bars per strategy; wider hop ranges are grouped into equal bins. */
  private static final int MAX_BINS = 60;
  /** Widest histogram bar: with one or two hop values a full-width bar would read as a wall. */
  private static final double MAX_BAR_WIDTH = 40;
  private static final String[] OP_COLOURS = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"};
  private static final String[] STRATEGY_COLOURS = {"#d62728", "#1f77b4", "#2ca02c", "#ff7f0e"};

  private SvgCharts() {}

  /** One stacked bar per strategy: each operation's share of the modeled boot cost. */
  static String bootCost(List<StrategyReport> strategies, CostModel model) {
    int rowHeight = 34;
    int height = 30 + rowHeight * strategies.size() + 60;
    double max = strategies.stream().mapToDouble(s -> s.bootCost().modeledNs()).max().orElse(0);
    StringBuilder svg = open(height, "Modeled boot cost per strategy, split by operation");
    for (int i = 0; i < strategies.size(); i++) {
      StrategyReport s = strategies.get(i);
      int y = 20 + i * rowHeight;
      svg.append(text(4, y + 18, s.name(), "start"));
      double x = LABEL;
      for (Map.Entry<Op, Long> part : CostBreakdown.all(s, model).entrySet()) {
        double w = max == 0 ? 0 : part.getValue() / max * BAR_AREA;
        svg.append(rect(x, y, w, rowHeight - 8, OP_COLOURS[part.getKey().ordinal()],
            part.getKey().key() + ": " + Metrics.format((double) part.getValue()) + " ns"));
        x += w;
      }
      svg.append(text(x + 6, y + 18, ms(s.bootCost().modeledNs()), "start"));
    }
    int legendY = 30 + rowHeight * strategies.size();
    for (Op op : Op.values()) {
      int x = LABEL + op.ordinal() * 110;
      svg.append(rect(x, legendY, 14, 14, OP_COLOURS[op.ordinal()], op.key()));
      svg.append(text(x + 18, legendY + 12, op.key(), "start"));
    }
    return svg.append("</svg>\n").toString();
  }

  /** A histogram of hops per page read for one strategy (percentile bars without the full distribution). */
  static String hops(StrategyReport s, int index) {
    int height = 190;
    StringBuilder svg = open(height, "Lookup hops per page read, " + s.name() + " on kernel "
        + ReportTables.kernelOf(s));
    String colour = STRATEGY_COLOURS[index % STRATEGY_COLOURS.length];
    svg.append(text(4, 20, s.name(), "start"));
    if (s.hopDistribution().isPresent()) {
      histogram(svg, s.hopDistribution().get(), colour);
    } else {
      percentiles(svg, s.lookup().hops(), colour);
    }
    return svg.append("</svg>\n").toString();
  }

  private static void histogram(StringBuilder svg, HopDistribution d, String colour) {
    int values = d.max() + 1;
    int binWidth = (values + MAX_BINS - 1) / MAX_BINS;
    int bins = (values + binWidth - 1) / binWidth;
    long[] counts = new long[bins];
    for (int h = 0; h <= d.max(); h++) {
      counts[h / binWidth] += d.count(h);
    }
    long top = 0;
    for (long c : counts) {
      top = Math.max(top, c);
    }
    double barWidth = Math.min(MAX_BAR_WIDTH, (double) BAR_AREA / bins);
    for (int b = 0; b < bins; b++) {
      double h = top == 0 ? 0 : 140.0 * counts[b] / top;
      String label = "hops " + b * binWidth + (binWidth > 1 ? "-" + ((b + 1) * binWidth - 1) : "")
          + ": " + counts[b] + " reads";
      svg.append(rect(LABEL + b * barWidth, 160 - h, Math.max(1, barWidth - 1), h, colour, label));
    }
    svg.append(text(LABEL, 178, "0 hops", "start"));
    if (d.max() > 0) {
      svg.append(text(LABEL + bins * barWidth, 178, d.max() + " hops", "end"));
    }
    svg.append(text(LABEL + BAR_AREA + 10, 30, "reads: " + d.accesses(), "start"));
    svg.append(text(LABEL + BAR_AREA + 10, 50, String.format(Locale.ROOT, "mean %.1f", d.mean()), "start"));
  }

  private static void percentiles(StringBuilder svg, Hops h, String colour) {
    String[] names = {"mean", "p50", "p90", "p99", "max"};
    double[] values = {h.mean(), h.p50(), h.p90(), h.p99(), h.max()};
    double top = Math.max(1, h.max());
    for (int i = 0; i < names.length; i++) {
      double w = values[i] / top * BAR_AREA;
      int y = 30 + i * 28;
      svg.append(text(LABEL - 6, y + 15, names[i], "end"));
      svg.append(rect(LABEL, y, Math.max(1, w), 20, colour, names[i] + ": " + Metrics.format(values[i])));
      svg.append(text(LABEL + w + 6, y + 15, Metrics.format(values[i]), "start"));
    }
  }

  private static StringBuilder open(int height, String title) {
    return new StringBuilder().append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
        .append(height).append("\" role=\"img\"><title>").append(Xml.escape(title)).append("</title>\n");
  }

  private static String rect(double x, double y, double w, double h, String fill, String tip) {
    return String.format(Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>\n",
        x, y, w, h, fill, Xml.escape(tip));
  }

  private static String text(double x, double y, String s, String anchor) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>\n",
        x, y, anchor, Xml.escape(s));
  }

  private static String ms(long ns) {
    return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
  }
}
