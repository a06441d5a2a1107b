package io.intelligencecrm.core.db;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The one place where database errors a client caused become domain errors: a unique violation
 * (SQLState 23505, any unique index, e.g. two requests racing to create the same email) is a
 * conflict naming the fields, and a NUL character that reached a text or JSON column is a
 * validation error. Everything else is left as it is (a bug or an outage, logged by the caller).
 *
 * <p>Nothing from the row goes into the message. Under row-level security the server leaves the
 * key's columns out of its detail, so they come from the catalog: every unique index with its key
 * columns, read once. Thread-safe.
 */
public final class DatabaseErrors {
    static final String UNIQUE_VIOLATION = "23505";
    /** "invalid byte sequence for encoding UTF8: 0x00": a NUL in a text parameter. */
    static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
    /** "unsupported Unicode escape sequence": a \u0000 in a JSON parameter. */
    static final String UNTRANSLATABLE_CHARACTER = "22P05";
    private static final Pattern WRAPPED_COLUMN = Pattern.compile("^\\w+\\((\\w+)\\)$");

    private final Jdbi jdbi;
    private volatile Map<String, List<String>> uniqueIndexes = Map.of();

    public DatabaseErrors(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The domain error for a database error a client caused, or the error itself. */
    public RuntimeException translate(RuntimeException error) {
        if (!(error instanceof StatementException)) return error;
        SQLException cause = sqlCause(error);
        if (cause == null || cause.getSQLState() == null) return error;
        return switch (cause.getSQLState()) {
            case UNIQUE_VIOLATION -> duplicate(cause, error);
            case CHARACTER_NOT_IN_REPERTOIRE, UNTRANSLATABLE_CHARACTER -> new CrmException(ErrorCode.VALIDATION,
                    "Text must not contain NUL characters (\\u0000)", Map.of(), Map.of(), error);
            default -> error;
        };
    }

    private CrmException duplicate(SQLException cause, RuntimeException error) {
        Map<String, String> fields = new LinkedHashMap<>();
        ServerErrorMessage server = cause instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        for (String column : keyColumns(server == null ? null : server.getConstraint())) {
            Matcher wrapped = WRAPPED_COLUMN.matcher(column.strip());
            String name = wrapped.matches() ? wrapped.group(1) : column.strip();
            if (!name.equals("tenant_id") && name.matches("\\w+")) {
                fields.put(camelCase(name), "is already used by another record");
            }
        }
        String what = fields.isEmpty() ? "these values" : String.join(", ", fields.keySet());
        return new CrmException(ErrorCode.CONFLICT, "Another record already has " + what
                + " (it may have been created a moment ago)", fields, Map.of(), error);
    }

    /** The key columns (or expressions, like lower(email)) of a unique index; empty when unknown. */
    private List<String> keyColumns(String index) {
        if (index == null) return List.of();
        if (!uniqueIndexes.containsKey(index)) {
            try {
                uniqueIndexes = jdbi.withHandle(handle -> handle.createQuery("""
                                select c.relname as index_name,
                                       array(select pg_get_indexdef(i.indexrelid, k, true)
                                               from generate_series(1, i.indnkeyatts) k order by k) as columns
                                  from pg_index i
                                  join pg_class c on c.oid = i.indexrelid
                                  join pg_namespace n on n.oid = c.relnamespace
                                 where i.indisunique and n.nspname = current_schema()""")
                        .reduceRows(new HashMap<String, List<String>>(), (map, row) -> {
                            map.put(row.getColumn("index_name", String.class),
                                    List.of(row.getColumn("columns", String[].class)));
                            return map;
                        }));
            } catch (RuntimeException e) {
                return List.of();
            }
        }
        return uniqueIndexes.getOrDefault(index, List.of());
    }

    private static SQLException sqlCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) return sql;
        }
        return null;
    }

    static String camelCase(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
