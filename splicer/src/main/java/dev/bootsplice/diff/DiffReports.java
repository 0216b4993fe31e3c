package dev.bootsplice.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bootsplice.report.Check;
import dev.bootsplice.report.ReportFormat;
import dev.bootsplice.report.Units;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes an {@link ImageDiff} and its checks as text, JSON or Markdown. */
public final class DiffReports {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiffReports() {}

    /**
     * Writes {@code diff} with {@code checks} (budgets evaluated on it) as {@code format}.
     *
     * @throws IllegalArgumentException for HTML or JUnit, which `diff` does not offer
     * @throws IOException if {@code out} fails
     */
    public static void write(ImageDiff diff, List<Check> checks, ReportFormat format, Writer out) throws IOException {
        PrintWriter w = new PrintWriter(out);
        switch (format) {
            case TEXT -> DiffText.write(diff, checks, w);
            case MARKDOWN -> DiffMarkdown.write(diff, checks, w);
            case JSON -> w.print(json(diff, checks));
            default -> throw new IllegalArgumentException(
                    "diff writes text, json or markdown, not " + format.cliName());
        }
        w.flush();
        if (w.checkError()) {
            throw new IOException("writing the diff failed");
        }
    }

    /** The diff's JSON object with a {@code checks} array. */
    static String json(ImageDiff diff, List<Check> checks) throws IOException {
        ObjectNode root = JSON.valueToTree(diff);
        ArrayNode array = root.putArray("checks");
        for (Check c : checks) {
            array.addObject()
                    .put("kind", c.kind())
                    .put("name", c.name())
                    .put("message", c.message())
                    .put("failed", c.failed());
        }
        return JSON.writeValueAsString(root) + "\n";
    }

    /** One line: "2 files added, 1 removed, 3 changed, 1 renamed; BOOTFS +12.0 KiB, compressed +3.1 KiB, image +4.0 KiB". */
    static String summary(ImageDiff d) {
        ImageDiff.Files f = d.files();
        return String.format(
                Locale.ROOT,
                "%s added, %d removed, %d changed, %d renamed; BOOTFS %s, compressed %s, image %s",
                Units.count(f.added().size(), "file"),
                f.removed().size(),
                f.changed().size(),
                f.renamed().size(),
                Units.bytesDelta(d.sizes().bootfs().delta()),
                Units.bytesDelta(d.sizes().compressed().delta()),
                Units.bytesDelta(d.sizes().image().delta()));
    }

    /** The three sizes as rows: what, old, new, delta. */
    static List<List<String>> sizeRows(ImageDiff d) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(sizeRow("BOOTFS (uncompressed)", d.sizes().bootfs()));
        rows.add(sizeRow("BOOTFS item (stored)", d.sizes().compressed()));
        rows.add(sizeRow("whole image", d.sizes().image()));
        return rows;
    }

    private static List<String> sizeRow(String what, ImageDiff.Delta delta) {
        return List.of(what, bytes(delta.old()), bytes(delta.neu()), signed(delta.delta()));
    }

    /** The prefixes whose bytes or file counts changed, as rows. */
    static List<List<String>> prefixRows(ImageDiff d) {
        List<List<String>> rows = new ArrayList<>();
        for (ImageDiff.PrefixDelta p : d.prefixes()) {
            if (p.delta() != 0 || p.oldFiles() != p.newFiles()) {
                rows.add(List.of(
                        p.prefix(),
                        p.oldFiles() + " -> " + p.newFiles(),
                        bytes(p.oldBytes()),
                        bytes(p.newBytes()),
                        signed(p.delta())));
            }
        }
        return rows;
    }

    /** Rows of strategy, old, new, change. */
    static List<List<String>> bootCostRows(ImageDiff d) {
        List<List<String>> rows = new ArrayList<>();
        for (ImageDiff.BootCostDelta b : d.bootCost()) {
            rows.add(List.of(
                    b.strategy(),
                    Units.millis(b.oldNs()),
                    Units.millis(b.newNs()),
                    String.format(Locale.ROOT, "%+.2f ms", b.deltaNs() / 1e6)
                            + (b.deltaPct() == null ? "" : String.format(Locale.ROOT, " (%+.1f%%)", b.deltaPct()))));
        }
        return rows;
    }

    static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String signed(long n) {
        return String.format(Locale.ROOT, "%+,d", n);
    }
}
