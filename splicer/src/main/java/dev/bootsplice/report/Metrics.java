package dev.bootsplice.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bootsplice.profile.ProfileReport;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A strategy's numbers as dotted paths of its JSON object ({@code lookup.hops.max}), in contract order. */
final class Metrics {
    private Metrics() {}

    /** Every strategy's metrics, keyed by strategy name, in report order. */
    static Map<String, Map<String, Double>> all(ProfileReport report) {
        Map<String, Map<String, Double>> all = new LinkedHashMap<>();
        for (JsonNode s : report.toTree().path("strategies")) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            flatten("", s, metrics);
            all.put(s.path("name").asText(), metrics);
        }
        return all;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Double> into) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            if (field.getValue().isObject()) {
                flatten(path, field.getValue(), into);
            } else if (field.getValue().isNumber() && !isRepeatedMedian(path)) {
                into.put(path, field.getValue().asDouble());
            }
        }
    }

    /**
     * Whether a metric is a measured wall time or its spread (noisy: gated only when asked, and
     * then at its own threshold), also when scaled ({@code setup.measuredNs/file}).
     */
    static boolean isMeasured(String path) {
        String base = unscaled(path);
        return base.startsWith("measured.") || base.endsWith("measuredNs");
    }

    /** {@code measured.PHASE.medianNs} repeats {@code PHASE.measuredNs}: one name per figure. */
    private static boolean isRepeatedMedian(String path) {
        return path.startsWith("measured.") && path.endsWith(".medianNs");
    }

    /** Whether a metric is a median of measured runs, the measured figure that can be gated. */
    static boolean isMeasuredMedian(String path) {
        return unscaled(path).endsWith(".measuredNs");
    }

    /**
     * Whether a metric grows with the image (a total, count, cost or page figure) and so can be
     * scaled per file or MiB; hop means, percentiles and maxima and the run count do not.
     */
    static boolean isExtensive(String path) {
        return !(path.startsWith("lookup.hops.") && !path.equals("lookup.hops.total")) && !path.equals("measured.runs");
    }

    /** {@code path} without a scale suffix such as {@code /file}. */
    static String unscaled(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    /** {@code value} as text: integers without a fraction, others with two decimals. */
    static String format(Double value) {
        if (value == null) {
            return "-";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", value.longValue());
        }
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    /** A percentage with sign and one decimal, or "n/a" when it has no meaning. */
    static String pct(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", value);
    }
}
