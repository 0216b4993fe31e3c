package dev.bootsplice.report;

import dev.bootsplice.profile.ProfileReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every strategy's metrics of one report, keyed by strategy then dotted path
 * ({@code lookup.hops.max}), with the image's file count and BOOTFS size so that extensive
 * metrics can be scaled per file or per MiB; read from a profile JSON report or from the
 * fuchsiaperf file `profile --format=fuchsiaperf` writes.
 */
public final class MetricTable {
    /** How metrics are scaled before they are compared or budgeted. */
    public enum Per {
        NONE(""),
        FILE("/file"),
        MIB("/MiB");

        private final String suffix;

        Per(String suffix) {
            this.suffix = suffix;
        }

        /** What a scaled metric's name ends with: {@code /file}, {@code /MiB} or nothing. */
        public String suffix() {
            return suffix;
        }

        /**
         * The scale named {@code name}: {@code none}, {@code file} or {@code MiB} (any case).
         *
         * @throws IllegalArgumentException naming the choices when there is none
         */
        public static Per parse(String name) {
            for (Per p : values()) {
                if (p.name().equalsIgnoreCase(name.trim()) || ("/" + name.trim()).equalsIgnoreCase(p.suffix)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown scale \"" + name + "\" (expected none, file or MiB)");
        }
    }

    private final String name;
    // -1 when the source did not say
    private final long files;
    private final long bootfsBytes;
    private final Map<String, Map<String, Double>> metrics;

    MetricTable(String name, long files, long bootfsBytes, Map<String, Map<String, Double>> metrics) {
        this.name = name;
        this.files = files;
        this.bootfsBytes = bootfsBytes;
        this.metrics = metrics;
    }

    /** The metrics of {@code r}, named after its image. */
    public static MetricTable of(ProfileReport r) {
        return new MetricTable(r.image().path(), r.image().files(), r.image().bootfsBytes(), Metrics.all(r));
    }

    /**
     * Reads a profile JSON report or a bootsplice fuchsiaperf file (told apart by their first
     * character: an object or a list).
     *
     * @throws IOException if the file is unreadable or neither format, saying which rule broke
     */
    public static MetricTable read(Path file) throws IOException {
        String text = Files.readString(file);
        if (text.stripLeading().startsWith("[")) {
            return Fuchsiaperf.read(text, file.toString());
        }
        return of(ProfileReport.fromJson(text));
    }

    /** The report's name (its image path, or the fuchsiaperf file's path). */
    public String name() {
        return name;
    }

    /** Strategy name to metric path to value, in report order. */
    public Map<String, Map<String, Double>> metrics() {
        return metrics;
    }

    /**
     * The metrics with every extensive one (totals, costs, counts, pages; not hop means,
     * percentiles or maxima) divided by the image's files or MiB of BOOTFS, renamed with the
     * scale's suffix ({@code bootCost.modeledNs/file}); intensive metrics are left out.
     *
     * @throws IllegalArgumentException if the source did not record the image's files or size
     */
    public MetricTable per(Per per) {
        if (per == Per.NONE) {
            return this;
        }
        double divisor = divisor(per);
        Map<String, Map<String, Double>> scaled = new LinkedHashMap<>();
        metrics.forEach((strategy, m) -> {
            Map<String, Double> s = new LinkedHashMap<>();
            m.forEach((path, v) -> {
                if (Metrics.isExtensive(path)) {
                    s.put(path + per.suffix(), v / divisor);
                }
            });
            scaled.put(strategy, s);
        });
        return new MetricTable(name, files, bootfsBytes, scaled);
    }

    /** What metrics are divided by for {@code per}: the file count or the BOOTFS size in MiB. */
    double divisor(Per per) {
        long n = per == Per.FILE ? files : bootfsBytes;
        if (n <= 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s: no %s recorded, so metrics cannot be scaled %s",
                    name,
                    per == Per.FILE ? "file count" : "BOOTFS size",
                    per.suffix()));
        }
        return per == Per.FILE ? n : n / (1024.0 * 1024.0);
    }
}
