package io.intelligencecrm.core.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: quoted fields may hold the delimiter, doubled quotes and line breaks; a UTF-8 BOM
 * and blank lines are ignored; comma or semicolon delimited (detected from the header line).
 */
public final class CsvReader {
    private CsvReader() {
    }

    public static List<CsvRecord> parse(String text) {
        String input = text.startsWith("\uFEFF") ? text.substring(1) : text;
        char delimiter = detectDelimiter(input);
        List<CsvRecord> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        int row = 0;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < input.length() && input.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && !cellStarted) {
                quoted = true;
                cellStarted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < input.length() && input.charAt(i + 1) == '\n') i++;
                cells.add(cell.toString());
                row = addRecord(records, cells, row);
                cells = new ArrayList<>();
                cell.setLength(0);
                cellStarted = false;
            } else {
                cell.append(c);
                cellStarted = true;
            }
        }
        if (cellStarted || !cells.isEmpty() || !cell.isEmpty()) {
            cells.add(cell.toString());
            addRecord(records, cells, row);
        }
        return records;
    }

    /** Numbers every record, blank ones too, so reported rows match what a spreadsheet shows. */
    private static int addRecord(List<CsvRecord> records, List<String> cells, int row) {
        if (!cells.stream().allMatch(String::isBlank)) records.add(new CsvRecord(row + 1, List.copyOf(cells)));
        return row + 1;
    }

    private static char detectDelimiter(String input) {
        int end = input.indexOf('\n');
        String header = end < 0 ? input : input.substring(0, end);
        long commas = header.chars().filter(c -> c == ',').count();
        long semicolons = header.chars().filter(c -> c == ';').count();
        return semicolons > commas ? ';' : ',';
    }
}
