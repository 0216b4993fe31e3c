package dev.bootsplice.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The entries of a fuchsiaperf file, the JSON Fuchsia's performance tests write
 * ({@code docs/development/performance/fuchsiaperf_format.md}): a list of objects
 * {@code {label, test_suite, unit, values}}; a test with steps (perftest's {@code DeclareStep})
 * writes one entry per step labelled {@code LABEL.STEP} and none for the whole test
 * ({@code zircon/system/ulib/perftest/runner.cc}, {@code CopyTimeResults}).
 */
public final class FuchsiaperfFile {
    /**
     * The units an entry may carry: the format doc's time and byte units and the others Fuchsia's
     * Catapult converter accepts ({@code src/testing/catapult_converter/converter.cc},
     * {@code ConvertUnits}).
     */
    public static final Set<String> UNITS = Set.of(
            "nanoseconds",
            "ns",
            "milliseconds",
            "ms",
            "bytes/second",
            "bits/second",
            "bytes",
            "frames/second",
            "percent",
            "count_smallerIsBetter",
            "count_biggerIsBetter",
            "Watts");

    private static final ObjectMapper JSON = new ObjectMapper();

    private FuchsiaperfFile() {}

    /** One entry of a fuchsiaperf file, checked against the format. */
    public record Entry(int index, String label, String suite, String unit, List<Double> values) {
        public String where() {
            return FuchsiaperfFile.where(index, label);
        }
    }

    /** How messages name entry {@code i}: "entry 3 (label \"...\")", or "entry 3" before its label is known. */
    private static String where(int i, String label) {
        return label == null ? "entry " + i : "entry " + i + " (label \"" + label + "\")";
    }

    /**
     * The entries of fuchsiaperf text: a JSON list of objects, each with a string label,
     * test_suite and unit (one the format allows) and a non-empty list of finite numbers.
     *
     * @throws IOException naming the first entry that breaks one of those rules
     */
    public static List<Entry> entries(String json) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IOException("not a fuchsiaperf file: expected a JSON list of {label, test_suite, unit, values}");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            entries.add(entry(i, root.get(i)));
        }
        return entries;
    }

    private static Entry entry(int i, JsonNode node) throws IOException {
        if (!node.isObject()) {
            throw new IOException("entry " + i + ": not an object");
        }
        String label = text(i, node, "label", null);
        String suite = text(i, node, "test_suite", label);
        String unit = text(i, node, "unit", label);
        String where = where(i, label);
        if (!UNITS.contains(unit)) {
            throw new IOException(where + ": unit \"" + unit + "\" is not a fuchsiaperf unit");
        }
        JsonNode values = node.get("values");
        if (values == null || !values.isArray() || values.isEmpty()) {
            throw new IOException(where + ": values must be a non-empty list of numbers");
        }
        List<Double> list = new ArrayList<>();
        for (JsonNode v : values) {
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw new IOException(where + ": value " + v + " is not a finite number");
            }
            list.add(v.asDouble());
        }
        return new Entry(i, label, suite, unit, list);
    }

    private static String text(int i, JsonNode node, String field, String label) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IOException(where(i, label) + ": field \"" + field + "\" missing or not a string");
        }
        return v.asText();
    }

    /** {@code value} of an entry in {@code unit} as nanoseconds, or NaN when the unit is not a time. */
    public static double nanos(double value, String unit) {
        return switch (unit) {
            case "nanoseconds", "ns" -> value;
            case "milliseconds", "ms" -> value * 1e6;
            default -> Double.NaN;
        };
    }
}
