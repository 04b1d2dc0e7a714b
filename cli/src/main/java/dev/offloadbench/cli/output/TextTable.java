package dev.offloadbench.cli.output;

import java.util.List;

/** Rows of cells as plain-text columns: each as wide as its widest cell, two spaces apart, no trailing blanks. */
public final class TextTable {
    private TextTable() {
    }

    /** The rows as lines, each ending in {@code \n}. */
    public static String of(List<String[]> rows) {
        int[] widths = widths(rows);
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            text.append(line(row, widths));
        }
        return text.toString();
    }

    /** How wide each column is: its widest cell. */
    static int[] widths(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        return widths;
    }

    /** One row as a line of columns this wide, ending in {@code \n}. */
    static String line(String[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", row[i]));
        }
        return line.toString().stripTrailing() + "\n";
    }
}
