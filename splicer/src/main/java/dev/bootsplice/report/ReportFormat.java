package dev.bootsplice.report;

import java.util.Locale;

/** The formats a profile report is written in (`profile --format`). */
public enum ReportFormat {
    TEXT,
    JSON,
    MARKDOWN,
    HTML,
    JUNIT,
    /** Fuchsia's perf-test JSON ({@link Fuchsiaperf}): one entry per strategy and metric. */
    FUCHSIAPERF;

    /** The option value naming this format. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format called {@code name} (any case).
     *
     * @throws IllegalArgumentException naming the choices when there is none
     */
    public static ReportFormat parse(String name) {
        for (ReportFormat f : values()) {
            if (f.cliName().equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "unknown report format \"" + name + "\" (expected text, json, markdown, html, junit or fuchsiaperf)");
    }
}
