package io.backbench.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints rows in aligned columns, separated by two spaces; the last column is not padded. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    /** A table whose first row is {@code header}. */
    Table(String... header) {
        columns = header.length;
        rows.add(header.clone());
    }

    private Table(int columns) {
        this.columns = columns;
    }

    /** A table without a header row. */
    static Table withoutHeader(int columns) {
        return new Table(columns);
    }

    Table row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
            row[i] = cells[i] == null ? "" : oneLine(cells[i].toString());
        }
        rows.add(row);
        return this;
    }

    void print(PrintStream out) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** A cell never breaks the table: line breaks and tabs become spaces. */
    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t]+", " ");
    }
}
