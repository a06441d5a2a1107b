package io.intelligencecrm.core.analytics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The answer to one analytics question, ready to show as a table or chart.
 *
 * @param chartKind table, bar, line, pie or number
 */
public record AnalyticsTable(String title, List<String> columns, List<List<Object>> rows, String chartKind) {

    public AnalyticsTable {
        columns = List.copyOf(columns);
        // Cells may be null (e.g. a deal without a company), so List.copyOf does not fit here.
        rows = rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
    }
}
