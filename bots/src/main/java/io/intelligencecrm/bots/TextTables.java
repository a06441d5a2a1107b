package io.intelligencecrm.bots;

import io.intelligencecrm.tools.TableResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A tool's table as aligned plain-text columns, for channels without table markup (a Slack code
 * block, a plain-text mail). Id columns are left out: people read names, not UUIDs.
 */
public final class TextTables {
    private static final int MAX_CELL_CHARS = 40;

    private TextTables() {
    }

    /** The header and at most {@code maxRows} rows, as text, id columns left out. */
    public static List<List<String>> rows(TableResult table, int maxRows) {
        List<Integer> shown = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            if (!table.columns().get(c).equalsIgnoreCase("id")) shown.add(c);
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(shown.stream().map(table.columns()::get).toList());
        table.rows().stream().limit(maxRows).forEach(row -> rows.add(shown.stream()
                .map(c -> c < row.size() ? Objects.toString(row.get(c), "") : "").toList()));
        return rows;
    }

    /** How many rows {@link #rows} left out. */
    public static long notShown(TableResult table, int maxRows) {
        return Math.max(table.totalRows(), table.rows().size()) - Math.min(table.rows().size(), maxRows);
    }

    /** Cells clipped to one line of at most 40 characters and padded into columns. */
    public static String aligned(List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        List<List<String>> clipped = rows.stream().map(row -> row.stream().map(TextTables::clip).toList()).toList();
        for (List<String> row : clipped) {
            for (int c = 0; c < row.size(); c++) widths[c] = Math.max(widths[c], row.get(c).length());
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : clipped) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = c < row.size() ? row.get(c) : "";
                line.append(c == 0 ? "" : "  ").append(cell).append(" ".repeat(widths[c] - cell.length()));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** One line, and never a code fence that would end the block the table sits in. */
    private static String clip(String cell) {
        String flat = cell.replace('\n', ' ').replace("```", "'''");
        return flat.length() <= MAX_CELL_CHARS ? flat : flat.substring(0, MAX_CELL_CHARS - 1) + "…";
    }
}
