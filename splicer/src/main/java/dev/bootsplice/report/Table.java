package dev.bootsplice.report;

import java.util.ArrayList;
import java.util.List;

/** A grid of text cells printed as aligned plain text or as a Markdown table; column 0 is left-aligned, the rest right-aligned. */
public final class Table {
    private final List<String> header;
    // every row has header.size() cells
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with these column titles. */
    public Table(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** Adds a row of exactly one cell per column. */
    public Table row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, header " + header.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    List<String> header() {
        return header;
    }

    List<List<String>> rows() {
        return rows;
    }

    /** Aligned columns separated by two spaces. */
    public String toText() {
        int[] width = new int[header.size()];
        for (List<String> r : allRows()) {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> r : allRows()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                String pad = " ".repeat(width[i] - r.get(i).length());
                line.append(i == 0 ? r.get(i) + pad : "  " + pad + r.get(i));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** A GitHub-flavoured Markdown table. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append(mdRow(header));
        StringBuilder rule = new StringBuilder("|");
        for (int i = 0; i < header.size(); i++) {
            rule.append(i == 0 ? " --- |" : " ---: |");
        }
        out.append(rule).append('\n');
        rows.forEach(r -> out.append(mdRow(r)));
        return out.toString();
    }

    private static String mdRow(List<String> cells) {
        StringBuilder b = new StringBuilder("|");
        for (String c : cells) {
            b.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        return b.append('\n').toString();
    }

    private List<List<String>> allRows() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }
}
