package io.intelligencecrm.core.record;

import io.intelligencecrm.core.error.CrmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * Inserts and partial updates of tenant records from a map of column to value. Table and column
 * names come from the services' own constants, never from requests; values are always bound.
 */
public final class RecordWrites {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_]{1,63}");

    private RecordWrites() {
    }

    public static UUID insert(Handle handle, String table, Map<String, Object> values) {
        List<String> columns = new ArrayList<>(List.of("tenant_id"));
        List<String> placeholders = new ArrayList<>(List.of("crm_current_tenant()"));
        int n = 0;
        for (String column : values.keySet()) {
            columns.add(identifier(column));
            placeholders.add(":v" + n++);
        }
        Query insert = handle.createQuery("insert into " + identifier(table) + " (" + String.join(", ", columns)
                + ") values (" + String.join(", ", placeholders) + ") returning id");
        n = 0;
        for (Object value : values.values()) insert.bind("v" + n++, value);
        return insert.mapTo(UUID.class).one();
    }

    public static void update(Handle handle, String table, UUID id, Map<String, Object> values) {
        if (values.isEmpty()) return;
        List<String> assignments = new ArrayList<>();
        int n = 0;
        for (String column : values.keySet()) assignments.add(identifier(column) + " = :v" + n++);
        Update update = handle.createUpdate("update " + identifier(table) + " set " + String.join(", ", assignments)
                + " where id = :id");
        n = 0;
        for (Object value : values.values()) update.bind("v" + n++, value);
        update.bind("id", id).execute();
    }

    /** Column to {@code [old, new]} for every value that differs. */
    public static Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> diff = new LinkedHashMap<>();
        after.forEach((column, value) -> {
            Object old = before.get(column);
            if (!Objects.equals(normalise(old), normalise(value))) {
                List<Object> pair = new ArrayList<>();
                pair.add(normalise(old));
                pair.add(normalise(value));
                diff.put(column, pair);
            }
        });
        return diff;
    }

    public static Map<String, Object> creationDiff(Map<String, Object> values) {
        Map<String, Object> diff = new LinkedHashMap<>();
        values.forEach((column, value) -> {
            if (value != null) diff.put(column, normalise(value));
        });
        return diff;
    }

    /** Fails with a field error unless the id names an active user of the tenant. */
    public static void requireActiveUser(Handle handle, UUID userId, String field) {
        if (userId == null) return;
        boolean active = handle.createQuery("select exists (select 1 from users where id = :id and active)")
                .bind("id", userId).mapTo(Boolean.class).one();
        if (!active) throw CrmException.invalid(field, "no active user with this id");
    }

    private static Object normalise(Object value) {
        if (value instanceof java.math.BigDecimal decimal) return decimal.stripTrailingZeros().toPlainString();
        if (value instanceof UUID || value instanceof Enum<?> || value instanceof java.time.temporal.Temporal) {
            return value.toString();
        }
        return value;
    }

    private static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) throw new IllegalArgumentException("bad identifier " + name);
        return name;
    }
}
