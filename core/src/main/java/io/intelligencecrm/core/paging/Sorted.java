package io.intelligencecrm.core.paging;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of a keyset-paged list with the value it was sorted by (the query's {@code sort_value} column). */
public record Sorted<T>(T row, Object sortValue) {

    /** Maps the record from the row's columns and keeps {@code sort_value} beside it. */
    public static <T> RowMapper<Sorted<T>> mapper(Class<T> type) {
        return new RowMapper<>() {
            @Override
            public Sorted<T> map(ResultSet rs, StatementContext ctx) throws SQLException {
                return specialize(rs, ctx).map(rs, ctx);
            }

            @Override
            public RowMapper<Sorted<T>> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
                RowMapper<T> rows = ctx.findRowMapperFor(type).orElseThrow().specialize(rs, ctx);
                int sortValue = rs.findColumn("sort_value");
                return (resultSet, context) -> new Sorted<>(rows.map(resultSet, context), resultSet.getObject(sortValue));
            }
        };
    }
}
