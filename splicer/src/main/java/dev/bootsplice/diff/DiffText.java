package dev.bootsplice.diff;

import dev.bootsplice.report.Check;
import dev.bootsplice.report.Table;
import java.io.PrintWriter;
import java.util.List;

/** The plain-text diff: a summary line, sizes, every file change, prefixes, items, boot costs, checks. */
final class DiffText {
    private DiffText() {}

    static void write(ImageDiff d, List<Check> checks, PrintWriter out) {
        out.println("diff " + d.old().path() + " -> " + d.neu().path() + ": " + DiffReports.summary(d));
        out.println();
        out.print(table(List.of("size", "old", "new", "delta"), DiffReports.sizeRows(d))
                .toText());
        ImageDiff.Files f = d.files();
        f.added().forEach(e -> out.println("added    " + e.name() + " (" + DiffReports.bytes(e.size()) + " bytes)"));
        f.removed().forEach(e -> out.println("removed  " + e.name() + " (" + DiffReports.bytes(e.size()) + " bytes)"));
        f.changed()
                .forEach(e -> out.println("changed  " + e.name() + " (" + DiffReports.bytes(e.oldSize()) + " -> "
                        + DiffReports.bytes(e.newSize()) + " bytes, " + DiffReports.signed(e.delta()) + ")"));
        f.renamed()
                .forEach(e -> out.println(
                        "renamed  " + e.from() + " -> " + e.to() + " (" + DiffReports.bytes(e.size()) + " bytes)"));
        List<List<String>> prefixes = DiffReports.prefixRows(d);
        if (!prefixes.isEmpty()) {
            out.println();
            out.print(table(
                            List.of("prefix (depth " + d.depth() + ")", "files", "old bytes", "new bytes", "delta"),
                            prefixes)
                    .toText());
        }
        d.items().added().forEach(t -> out.println("item added    " + t));
        d.items().removed().forEach(t -> out.println("item removed  " + t));
        if (d.bootCost() != null) {
            out.println();
            out.print(table(List.of("boot cost (modeled)", "old", "new", "change"), DiffReports.bootCostRows(d))
                    .toText());
        }
        if (!checks.isEmpty()) {
            out.println();
            out.println("budgets:");
            checks.forEach(c -> out.println("  " + c.message()));
        }
    }

    static Table table(List<String> header, List<List<String>> rows) {
        Table t = new Table(header);
        rows.forEach(t::row);
        return t;
    }
}
