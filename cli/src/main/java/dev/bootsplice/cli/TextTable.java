package dev.bootsplice.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header row and rows of cells, padded to column width; numeric columns right-aligned. */
final class TextTable {
    private final String indent;
    private final String[] header;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /** Creates a table; a header cell ending in {@code >} marks a right-aligned column (the mark is not printed). */
    TextTable(String indent, String... header) {
        this.indent = indent;
        this.header = new String[header.length];
        this.rightAligned = new boolean[header.length];
        for (int i = 0; i < header.length; i++) {
            rightAligned[i] = header[i].endsWith(">");
            this.header[i] = rightAligned[i] ? header[i].substring(0, header[i].length() - 1) : header[i];
        }
    }

    /** Adds one row; it must have as many cells as the header. */
    TextTable row(String... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.length);
        }
        rows.add(cells);
        return this;
    }

    /** Prints the header and every row. */
    void print(PrintWriter out) {
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        printRow(out, header, width);
        for (String[] r : rows) {
            printRow(out, r, width);
        }
    }

    private void printRow(PrintWriter out, String[] cells, int[] width) {
        StringBuilder s = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            boolean last = i == cells.length - 1;
            String pad = " ".repeat(width[i] - cells[i].length());
            if (rightAligned[i]) {
                s.append(pad).append(cells[i]);
            } else {
                s.append(cells[i]).append(last ? "" : pad);
            }
            if (!last) {
                s.append("  ");
            }
        }
        out.println(s);
    }
}
