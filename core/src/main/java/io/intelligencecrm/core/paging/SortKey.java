package io.intelligencecrm.core.paging;

/**
 * A column (or expression) a list can be ordered by, as fixed SQL chosen by the server; never
 * text from the request. Rows are ordered by it, then by id, so keyset paging is stable.
 */
public record SortKey(String name, String sqlExpression, Kind kind) {
    public enum Kind { TIMESTAMP, TEXT, NUMBER }
}
