package dev.bootsplice.diff;

import dev.bootsplice.report.Check;
import dev.bootsplice.report.Units;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Markdown diff for pull requests: the summary with a mark for the budgets on the first line,
 * the size table, then every list in a {@code <details>} section.
 */
final class DiffMarkdown {
    private DiffMarkdown() {}

    static void write(ImageDiff d, List<Check> checks, PrintWriter out) {
        out.println(firstLine(d, checks));
        out.println();
        out.print(DiffText.table(List.of("size", "old", "new", "delta"), DiffReports.sizeRows(d))
                .toMarkdown());
        if (checks.stream().anyMatch(Check::failed)) {
            out.println();
            checks.stream().filter(Check::failed).forEach(c -> out.println("- ❌ `" + c.message() + "`"));
        }
        if (d.bootCost() != null) {
            out.println();
            out.print(
                    DiffText.table(List.of("boot cost (modeled)", "old", "new", "change"), DiffReports.bootCostRows(d))
                            .toMarkdown());
        }
        ImageDiff.Files f = d.files();
        details(out, "Files added (" + f.added().size() + ")", !f.added().isEmpty(), w -> f.added()
                .forEach(e -> w.println("- `" + e.name() + "` " + DiffReports.bytes(e.size()) + " bytes")));
        details(out, "Files removed (" + f.removed().size() + ")", !f.removed().isEmpty(), w -> f.removed()
                .forEach(e -> w.println("- `" + e.name() + "` " + DiffReports.bytes(e.size()) + " bytes")));
        details(out, "Files changed (" + f.changed().size() + ")", !f.changed().isEmpty(), w -> f.changed()
                .forEach(e -> w.println("- `" + e.name() + "` " + DiffReports.bytes(e.oldSize()) + " → "
                        + DiffReports.bytes(e.newSize()) + " bytes (" + DiffReports.signed(e.delta()) + ")")));
        details(out, "Files renamed (" + f.renamed().size() + ")", !f.renamed().isEmpty(), w -> f.renamed()
                .forEach(e -> w.println("- `" + e.from() + "` → `" + e.to() + "`")));
        List<List<String>> prefixes = DiffReports.prefixRows(d);
        details(
                out,
                "Bytes per prefix (depth " + d.depth() + ")",
                !prefixes.isEmpty(),
                w -> w.print(DiffText.table(List.of("prefix", "files", "old bytes", "new bytes", "delta"), prefixes)
                        .toMarkdown()));
        boolean items = !d.items().added().isEmpty() || !d.items().removed().isEmpty();
        details(out, "Items", items, w -> {
            d.items().added().forEach(t -> w.println("- added " + t));
            d.items().removed().forEach(t -> w.println("- removed " + t));
        });
        details(
                out,
                "Checks",
                !checks.isEmpty(),
                w -> checks.forEach(c -> w.println("- " + (c.failed() ? "❌" : "✅") + " `" + c.message() + "`")));
        details(out, "Images", true, w -> {
            w.println("- old: `" + d.old().path() + "` ("
                    + DiffReports.bytes(d.old().imageBytes()) + " bytes)");
            w.println("- new: `" + d.neu().path() + "` ("
                    + DiffReports.bytes(d.neu().imageBytes()) + " bytes)");
        });
    }

    /** "`old.zbi` → `new.zbi`: 2 files added, ... · ✅ 3 budgets passed". */
    static String firstLine(ImageDiff d, List<Check> checks) {
        String line = "`" + Units.fileName(d.old().path()) + "` → `"
                + Units.fileName(d.neu().path()) + "`: " + DiffReports.summary(d);
        long failed = checks.stream().filter(Check::failed).count();
        if (checks.isEmpty()) {
            return line;
        }
        return line + (failed == 0 ? " · ✅ " : " · ❌ ") + Check.budgetSummary(checks.size(), failed);
    }

    private static void details(PrintWriter out, String title, boolean shown, Consumer<PrintWriter> body) {
        if (!shown) {
            return;
        }
        out.println();
        out.println("<details><summary>" + title + "</summary>");
        out.println();
        body.accept(out);
        out.println();
        out.println("</details>");
    }
}
