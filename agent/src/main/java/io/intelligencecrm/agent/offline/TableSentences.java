package io.intelligencecrm.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a table holds, said in words under it: the records found by name ("Contacts: 3 found — Jane
 * Doe, Bo Li and Ana Ruiz."), or each row of figures ("Pipeline by stage — proposal: 3 deals; won: 2
 * deals."). Ids stay out; the table above links the records.
 */
final class TableSentences {
    private static final int NAMED = 5;
    private static final int FIGURE_ROWS = 8;

    private TableSentences() {
    }

    static String say(JsonNode table) {
        String title = table.path("title").asText();
        List<String> columns = new ArrayList<>();
        table.path("columns").forEach(column -> columns.add(column.asText()));
        JsonNode rows = table.path("rows");
        if (rows.isEmpty()) return title + ": nothing found.";
        long total = Math.max(table.path("totalRows").asLong(rows.size()), rows.size());
        // Rows of records (an id, or mostly words: a deal's company, owner, stage…) are named; a breakdown
        // (a stage or a rep and their counts) is read out figure by figure.
        boolean records = columns.stream().anyMatch(column -> column.equalsIgnoreCase("id")) || mostlyWords(rows.get(0));
        return records ? records(title, columns, rows, total) : figures(title, columns, rows, total);
    }

    private static String records(String title, List<String> columns, JsonNode rows, long total) {
        int name = -1;
        for (int i = 0; i < columns.size() && name < 0; i++) {
            if (!hidden(columns.get(i)) && rows.get(0).path(i).isTextual()) name = i;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < rows.size() && names.size() < NAMED && name >= 0; i++) {
            String text = rows.get(i).path(name).asText("").strip();
            if (!text.isEmpty()) names.add(text);
        }
        return title + ": " + count(total) + " found" + (names.isEmpty() ? "." : " — " + listed(names, total - names.size()) + ".");
    }

    private static String figures(String title, List<String> columns, JsonNode rows, long total) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows.size() && i < FIGURE_ROWS; i++) {
            JsonNode row = rows.get(i);
            List<String> parts = new ArrayList<>();
            for (int column = 1; column < columns.size(); column++) {
                if (hidden(columns.get(column))) continue;
                JsonNode cell = row.path(column);
                if (cell.isNull() || cell.isMissingNode() || cell.asText().isBlank()) continue;
                parts.add(cell.isNumber() ? number(cell.decimalValue()) + " " + columns.get(column).toLowerCase(Locale.ROOT)
                        : cell.asText().strip());
            }
            lines.add(row.path(0).asText() + (parts.isEmpty() ? "" : ": " + String.join(", ", parts)));
        }
        long more = total - lines.size();
        return title + " — " + String.join("; ", lines) + (more > 0 ? "; and " + count(more) + " more" : "") + ".";
    }

    /** More text than numbers after the first cell. */
    private static boolean mostlyWords(JsonNode row) {
        int numbers = 0;
        int words = 0;
        for (int i = 1; i < row.size(); i++) {
            if (row.get(i).isNumber()) numbers++;
            else if (row.get(i).isTextual() && !row.get(i).asText().isBlank()) words++;
        }
        return words > numbers;
    }

    private static String listed(List<String> names, long more) {
        if (more > 0) return String.join(", ", names) + " and " + count(more) + " more";
        if (names.size() == 1) return names.getFirst();
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    /** Ids are for the model: a column named id or ending in Id is never said. */
    static boolean hidden(String column) {
        return column.equalsIgnoreCase("id") || column.endsWith("Id");
    }

    private static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    private static String number(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }
}
