package dev.bootsplice.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bootsplice.profile.FuchsiaperfFile;
import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.profile.ProfileReport.StrategyReport;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A profile report as fuchsiaperf JSON, the format Fuchsia's perf tooling charts
 * ({@code docs/development/performance/fuchsiaperf_format.md}: a list of
 * {@code {label, test_suite, unit, values}}), and back as a {@link MetricTable}.
 *
 * <p>Test suite {@value #TEST_SUITE}. One entry per strategy (and kernel, when several were
 * profiled) and metric, labelled {@code ENTRY/PATH} with the report's entry name ({@code transfer},
 * or {@code transfer@2024} with several kernels) and the metric's dotted path written with slashes
 * ({@code transfer/bootCost/modeledNs}, {@code clone@2023/lookup/hops/p99}), plus {@code image/files}
 * and {@code image/bootfsBytes}. Units: {@code nanoseconds} for {@code *Ns} metrics,
 * {@code bytes} for byte sizes, {@code count_smallerIsBetter} for counts (the doc lists only the
 * time and byte units; Fuchsia's Catapult converter, {@code src/testing/catapult_converter/
 * converter.cc} {@code ConvertUnits}, accepts these and rejects a bare {@code count}). A
 * measured metric's {@code values} are every measured run's time; every other metric has one
 * value. The {@code measured.*} details are not written: they are rebuilt from those values.
 */
public final class Fuchsiaperf {
    /** The test suite of every entry bootsplice writes. */
    public static final String TEST_SUITE = "bootsplice.profile";

    private static final String IMAGE = "image";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Fuchsiaperf() {}

    /** {@code r} as fuchsiaperf JSON text. */
    public static String of(ProfileReport r) {
        ArrayNode entries = JSON.createArrayNode();
        entry(entries, IMAGE + "/files", "count_smallerIsBetter", List.of((double)
                r.image().files()));
        entry(entries, IMAGE + "/bootfsBytes", "bytes", List.of((double)
                r.image().bootfsBytes()));
        Map<String, Map<String, Double>> all = Metrics.all(r);
        for (StrategyReport s : r.strategies()) {
            for (Map.Entry<String, Double> m : all.get(s.name()).entrySet()) {
                if (!m.getKey().startsWith("measured.")) {
                    entry(
                            entries,
                            s.name() + "/" + m.getKey().replace('.', '/'),
                            unitOf(m.getKey()),
                            values(s, m.getKey(), m.getValue()));
                }
            }
        }
        try {
            return JSON.writeValueAsString(entries) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("fuchsiaperf entries always serialise", e);
        }
    }

    private static List<Double> values(StrategyReport s, String path, double value) {
        if (s.measured() != null && path.equals("setup.measuredNs")) {
            return s.measured().setup().samplesNs().stream()
                    .map(Long::doubleValue)
                    .toList();
        }
        if (s.measured() != null && path.equals("lookup.measuredNs")) {
            return s.measured().lookup().samplesNs().stream()
                    .map(Long::doubleValue)
                    .toList();
        }
        return List.of(value);
    }

    private static String unitOf(String path) {
        if (path.endsWith("Ns")) {
            return "nanoseconds";
        }
        return path.endsWith("Bytes") ? "bytes" : "count_smallerIsBetter";
    }

    private static void entry(ArrayNode entries, String label, String unit, List<Double> values) {
        ObjectNode e = entries.addObject();
        e.put("label", label);
        e.put("test_suite", TEST_SUITE);
        e.put("unit", unit);
        ArrayNode v = e.putArray("values");
        values.forEach(x -> {
            if (x == Math.rint(x) && Math.abs(x) < 1e15) {
                v.add(x.longValue());
            } else {
                v.add(x);
            }
        });
    }

    /**
     * The metrics of a fuchsiaperf file bootsplice wrote, named {@code name}.
     *
     * @throws IOException naming the entry when the text is not a list of fuchsiaperf entries of
     *     test suite {@value #TEST_SUITE}
     */
    static MetricTable read(String json, String name) throws IOException {
        List<FuchsiaperfFile.Entry> entries = FuchsiaperfFile.entries(json);
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        long files = -1;
        long bootfsBytes = -1;
        for (FuchsiaperfFile.Entry e : entries) {
            if (!e.suite().equals(TEST_SUITE)) {
                throw new IOException(e.where() + ": test_suite \"" + e.suite() + "\" is not " + TEST_SUITE);
            }
            int slash = e.label().indexOf('/');
            if (slash <= 0 || slash == e.label().length() - 1) {
                throw new IOException(e.where() + ": label is not STRATEGY/METRIC");
            }
            String strategy = e.label().substring(0, slash);
            String path = e.label().substring(slash + 1).replace('/', '.');
            double value = Samples.median(e.values());
            if (strategy.equals(IMAGE)) {
                files = path.equals("files") ? (long) value : files;
                bootfsBytes = path.equals("bootfsBytes") ? (long) value : bootfsBytes;
                continue;
            }
            Map<String, Double> of = metrics.computeIfAbsent(strategy, k -> new LinkedHashMap<>());
            of.put(path, value);
            if (path.endsWith(".measuredNs")) {
                String phase = path.substring(0, path.length() - ".measuredNs".length());
                of.put("measured.runs", (double) e.values().size());
                of.put("measured." + phase + ".minNs", Samples.min(e.values()));
                of.put("measured." + phase + ".maxNs", Samples.max(e.values()));
            }
        }
        if (metrics.isEmpty()) {
            throw new IOException("no strategy entries (labels STRATEGY/METRIC)");
        }
        return new MetricTable(name, files, bootfsBytes, metrics);
    }
}
