package dev.bootsplice.maven;

import dev.bootsplice.report.ReportFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The report formats {@code profile} writes and the file each goes to under the output directory. */
final class ReportFiles {
    private ReportFiles() {}

    /** Returns {@code report.txt}, {@code report.json}, {@code report.md}, {@code report.html}, {@code report.junit.xml} or
     * {@code report.fuchsiaperf.json}. */
    static String fileName(ReportFormat format) {
        return "report."
                + switch (format) {
                    case TEXT -> "txt";
                    case JSON -> "json";
                    case MARKDOWN -> "md";
                    case HTML -> "html";
                    case JUNIT -> "junit.xml";
                    case FUCHSIAPERF -> "fuchsiaperf.json";
                };
    }

    /**
     * Parses format names as {@code --format} takes them (elements may be comma-separated), always including
     * JSON: {@code check} reads it and it is the report attached for later releases.
     *
     * @throws IllegalArgumentException naming the choices when a name is unknown
     */
    static Set<ReportFormat> formats(List<String> names) {
        Set<ReportFormat> formats = EnumSet.of(ReportFormat.JSON);
        for (String element : names) {
            for (String name : element.split(",")) {
                if (!name.isBlank()) {
                    formats.add(ReportFormat.parse(name));
                }
            }
        }
        return formats;
    }
}
