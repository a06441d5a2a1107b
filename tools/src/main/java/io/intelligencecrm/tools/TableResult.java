package io.intelligencecrm.tools;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows for the user to see: the chat renders them as a table, or as the suggested chart.
 *
 * @param chartKind  table, bar, line, pie or number
 * @param totalRows  how many rows exist in all; more than {@code rows.size()} when the list was capped
 * @param note       one line for the model about the data, e.g. how many more exist
 * @param recordType what each row is when its "id" column names a record (contact, company, deal, task,
 *                   workflow), so the chat links rows instead of showing ids; null when rows are not records
 */
public record TableResult(String title, List<String> columns, List<List<Object>> rows, String chartKind,
                          long totalRows, String note, String recordType) {

    public TableResult {
        columns = List.copyOf(columns);
        rows = rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
    }

    public TableResult(String title, List<String> columns, List<List<Object>> rows, String chartKind, long totalRows,
                       String note) {
        this(title, columns, rows, chartKind, totalRows, note, null);
    }

    /** The same rows, each one the record of this type named by the "id" column. */
    public TableResult of(String type) {
        return new TableResult(title, columns, rows, chartKind, totalRows, note, type);
    }
}
