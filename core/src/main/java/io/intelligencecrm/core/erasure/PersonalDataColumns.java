package io.intelligencecrm.core.erasure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Every column of every tenant table that can hold a copy of someone's personal data, read from the
 * catalog at each erasure, so a table added later is covered without anyone remembering to: text,
 * varchar and JSON columns, except generated ones, key columns (part of a unique index, where a
 * rewrite could collide), columns whose check constraint allows only a fixed list of values, and
 * columns the application may not change (append-only tables: the audit log has its own way).
 */
final class PersonalDataColumns {

    /** A tenant table's text columns, and whether its rows belong to a conversation or a contact. */
    record Table(String name, List<Column> columns, boolean byConversation, boolean byContact, boolean isConversation) {
    }

    record Column(String name, String type) {
        /** The column as text, for matching and rewriting. */
        String asText() {
            return type.equals("text") ? quoted(name) : quoted(name) + "::text";
        }

        /** Rewritten text back to the column's type. */
        String fromText(String expression) {
            return switch (type) {
                case "json", "jsonb" -> "(" + expression + ")::" + type;
                default -> expression;
            };
        }
    }

    private PersonalDataColumns() {
    }

    static List<Table> read(Handle handle) {
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        handle.createQuery("""
                        select c.relname as table_name, a.attname as column_name, t.typname as type_name
                          from pg_class c
                          join pg_namespace n on n.oid = c.relnamespace
                          join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                          join pg_type t on t.oid = a.atttypid
                         where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
                           and exists (select 1 from pg_attribute k where k.attrelid = c.oid and k.attname = 'tenant_id'
                                                                      and not k.attisdropped)
                           and t.typname in ('text', 'varchar', 'bpchar', 'json', 'jsonb')
                           and a.attgenerated = '' and has_column_privilege(c.oid, a.attnum, 'UPDATE')
                           and not exists (select 1 from pg_index i where i.indrelid = c.oid and i.indisunique
                                                                      and a.attnum = any(i.indkey))
                           and not exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'c'
                                                                          and a.attnum = any(k.conkey)
                                                                          and pg_get_constraintdef(k.oid) like '%ANY (ARRAY[%')
                         order by c.relname, a.attnum""")
                .map((rs, ctx) -> Map.entry(rs.getString("table_name"),
                        new Column(rs.getString("column_name"), rs.getString("type_name"))))
                .forEach(entry -> columns.computeIfAbsent(entry.getKey(), table -> new ArrayList<>())
                        .add(entry.getValue()));
        Map<String, List<String>> uuidColumns = new LinkedHashMap<>();
        handle.createQuery("""
                        select c.relname as table_name, a.attname as column_name
                          from pg_class c
                          join pg_namespace n on n.oid = c.relnamespace
                          join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                         where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
                           and a.atttypid = 'uuid'::regtype and a.attname in ('conversation_id', 'contact_id')""")
                .map((rs, ctx) -> Map.entry(rs.getString("table_name"), rs.getString("column_name")))
                .forEach(entry -> uuidColumns.computeIfAbsent(entry.getKey(), table -> new ArrayList<>())
                        .add(entry.getValue()));
        return columns.entrySet().stream().map(entry -> {
            List<String> links = uuidColumns.getOrDefault(entry.getKey(), List.of());
            return new Table(entry.getKey(), List.copyOf(entry.getValue()), links.contains("conversation_id"),
                    links.contains("contact_id"), entry.getKey().equals("conversations"));
        }).toList();
    }

    /** A catalog name as an SQL identifier. */
    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
