package dev.bootsplice.profile;

import java.util.List;

/**
 * An ordinary least-squares line {@code y = intercept + slope × x} through points, with its
 * root-mean-square residual; calibration fits nanoseconds per call against pages per call.
 */
public record LinearFit(int points, double intercept, double slope, double rmsResidual, double meanY) {

    /** A point: {@code x} pages, {@code y} nanoseconds. */
    public record Point(double x, double y) {}

    /**
     * The least-squares line through {@code points}.
     *
     * @throws IllegalArgumentException if fewer than two distinct x values are given
     */
    public static LinearFit of(List<Point> points) {
        int n = points.size();
        double mx = points.stream().mapToDouble(Point::x).average().orElse(0);
        double my = points.stream().mapToDouble(Point::y).average().orElse(0);
        double sxx = 0;
        double sxy = 0;
        for (Point p : points) {
            sxx += (p.x() - mx) * (p.x() - mx);
            sxy += (p.x() - mx) * (p.y() - my);
        }
        if (n < 2 || sxx == 0) {
            throw new IllegalArgumentException("a line needs at least two different sizes, got " + n + " point(s)");
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double ss = 0;
        for (Point p : points) {
            double r = p.y() - (intercept + slope * p.x());
            ss += r * r;
        }
        return new LinearFit(n, intercept, slope, Math.sqrt(ss / n), my);
    }

    /** The residual relative to the mean time, in percent (0 for a perfect line). */
    public double residualPct() {
        return meanY == 0 ? 0 : 100 * rmsResidual / Math.abs(meanY);
    }
}
