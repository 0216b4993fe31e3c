package dev.bootsplice.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One inline SVG chart being drawn: a fixed 960-unit-wide view box that the page scales to its
 * width, and the primitives the charts share (bars with tooltips, text, value axes with nice ticks).
 */
final class Svg {
    /** The view box width; the page draws it at 100% of the content width. */
    static final int WIDTH = 960;

    private final StringBuilder body = new StringBuilder();
    private final String title;
    private final String cssClass;

    Svg(String title, String cssClass) {
        this.title = title;
        this.cssClass = cssClass;
    }

    /** The finished element, {@code height} units tall. */
    String finish(int height) {
        return String.format(
                        Locale.ROOT,
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"%s\" viewBox=\"0 0 %d %d\" "
                                + "role=\"img\" preserveAspectRatio=\"xMinYMin meet\"><title>%s</title>\n",
                        cssClass,
                        WIDTH,
                        height,
                        Xml.escape(title))
                + body + "</svg>\n";
    }

    Svg rect(double x, double y, double w, double h, String fill, String tip) {
        body.append(String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>\n",
                x,
                y,
                Math.max(0, w),
                Math.max(0, h),
                fill,
                Xml.escape(tip)));
        return this;
    }

    Svg text(double x, double y, String s, String anchor, String cls) {
        body.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>%s</text>\n",
                x,
                y,
                anchor,
                cls == null ? "" : " class=\"" + cls + "\"",
                Xml.escape(s)));
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cls) {
        body.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>\n",
                x1,
                y1,
                x2,
                y2,
                cls));
        return this;
    }

    /**
     * A horizontal value axis from {@code x0} to {@code x1} at {@code y} for values 0..{@code scale.max()},
     * with tick labels, grid lines up to {@code gridTop} and the axis title centred below.
     */
    Svg xAxis(Scale scale, double x0, double x1, double y, double gridTop, String axisTitle) {
        line(x0, y, x1, y, "axis");
        for (double v : scale.ticks()) {
            double x = x0 + scale.fraction(v) * (x1 - x0);
            line(x, gridTop, x, y, "grid");
            line(x, y, x, y + 4, "axis");
            text(x, y + 17, scale.label(v), "middle", "tick");
        }
        return text((x0 + x1) / 2, y + 35, axisTitle, "middle", "axis-title");
    }

    /** A vertical value axis at {@code x} from {@code y1} (0) up to {@code y0} (max), grid lines across to {@code gridRight}. */
    Svg yAxis(Scale scale, double x, double y0, double y1, double gridRight, String axisTitle) {
        line(x, y0, x, y1, "axis");
        for (double v : scale.ticks()) {
            double y = y1 - scale.fraction(v) * (y1 - y0);
            line(x, y, gridRight, y, "grid");
            text(x - 6, y + 4, scale.label(v), "end", "tick");
        }
        body.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"axis-title\" transform=\"rotate(-90 %.1f %.1f)\">%s</text>\n",
                x - 48,
                (y0 + y1) / 2,
                x - 48,
                (y0 + y1) / 2,
                Xml.escape(axisTitle)));
        return this;
    }

    /** A value scale from 0 to a "nice" maximum at or above the data's, with about five ticks. */
    record Scale(double max, double step, java.util.function.DoubleFunction<String> labeller) {
        static Scale of(double dataMax, java.util.function.DoubleFunction<String> labeller) {
            if (!(dataMax > 0)) {
                return new Scale(1, 1, labeller);
            }
            double raw = dataMax / 5;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double norm = raw / magnitude;
            double step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * magnitude;
            return new Scale(Math.ceil(dataMax / step - 1e-9) * step, step, labeller);
        }

        double fraction(double v) {
            return v / max;
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            for (int i = 0; i * step <= max + step * 1e-9; i++) {
                ticks.add(i * step);
            }
            return ticks;
        }

        String label(double v) {
            return labeller.apply(v);
        }
    }

    /** A count in at most five characters: 950, 12.3k, 4.1M. */
    static String compact(double v) {
        double a = Math.abs(v);
        if (a < 1000) {
            return v == Math.rint(v)
                    ? String.format(Locale.ROOT, "%d", (long) v)
                    : String.format(Locale.ROOT, "%.1f", v);
        }
        if (a < 1e6) {
            return trim(String.format(Locale.ROOT, "%.1f", v / 1e3)) + "k";
        }
        if (a < 1e9) {
            return trim(String.format(Locale.ROOT, "%.1f", v / 1e6)) + "M";
        }
        return trim(String.format(Locale.ROOT, "%.1f", v / 1e9)) + "G";
    }

    /** Milliseconds for an axis: 0, 2.5, 40 ("ms" is in the axis title). */
    static String ms(double ns) {
        double ms = ns / 1e6;
        return trim(String.format(Locale.ROOT, ms < 10 ? "%.2f" : "%.1f", ms));
    }

    private static String trim(String s) {
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
