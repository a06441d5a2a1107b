package io.intelligencecrm.core.tenant.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Every tenant table (a tenant_id column under row-level security), read from the catalog each time (a table added by a later migration is exported,
 * imported and deleted without anyone remembering to), in an order where a table comes after the tables
 * its foreign keys point to. Partitions (a tenant's vectors) are reached through their parent.
 */
public final class TenantTables {

    /**
     * @param columns        stored columns in the table's order (generated ones are left out: they are derived)
     * @param keyColumns     the primary key, which orders rows in an archive
     * @param identity       columns the database numbers itself, written back as they were
     * @param selfReferences columns pointing at another row of the same table (a merged contact's survivor),
     *                       each with the column it points at
     */
    public record Table(String name, List<String> columns, List<String> keyColumns, Set<String> identity,
                        Map<String, String> selfReferences) {
    }

    private TenantTables() {
    }

    public static List<Table> read(Handle handle) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, Set<String>> identity = new LinkedHashMap<>();
        handle.createQuery("""
                        select c.relname as table_name, a.attname as column_name, a.attidentity <> '' as is_identity
                          from pg_class c
                          join pg_namespace n on n.oid = c.relnamespace
                          join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                         where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
                           and c.relrowsecurity and a.attgenerated = ''
                           and exists (select 1 from pg_attribute t where t.attrelid = c.oid and t.attname = 'tenant_id'
                                                                      and not t.attisdropped)
                         order by c.relname, a.attnum""")
                .map((rs, ctx) -> {
                    String table = rs.getString("table_name");
                    columns.computeIfAbsent(table, name -> new ArrayList<>()).add(rs.getString("column_name"));
                    Set<String> numbered = identity.computeIfAbsent(table, name -> new LinkedHashSet<>());
                    if (rs.getBoolean("is_identity")) numbered.add(rs.getString("column_name"));
                    return table;
                }).list();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        handle.createQuery("""
                        select c.relname as table_name, a.attname as column_name
                          from pg_index i
                          join pg_class c on c.oid = i.indrelid
                          join pg_namespace n on n.oid = c.relnamespace
                          join lateral unnest(i.indkey) with ordinality as k(attnum, position) on true
                          join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
                         where n.nspname = current_schema() and i.indisprimary
                         order by c.relname, k.position""")
                .map((rs, ctx) -> keys.computeIfAbsent(rs.getString("table_name"), name -> new ArrayList<>())
                        .add(rs.getString("column_name")))
                .list();
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        Map<String, Map<String, String>> selfReferences = new LinkedHashMap<>();
        handle.createQuery("""
                        select c.relname as table_name, p.relname as parent_name, a.attname as column_name,
                               r.attname as referenced_name
                          from pg_constraint f
                          join pg_class c on c.oid = f.conrelid
                          join pg_class p on p.oid = f.confrelid
                          join pg_namespace n on n.oid = c.relnamespace
                          join lateral unnest(f.conkey, f.confkey) as k(attnum, referenced) on true
                          join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
                          join pg_attribute r on r.attrelid = p.oid and r.attnum = k.referenced
                         where n.nspname = current_schema() and f.contype = 'f' and a.attname <> 'tenant_id'""")
                .map((rs, ctx) -> {
                    String table = rs.getString("table_name");
                    String parent = rs.getString("parent_name");
                    if (table.equals(parent)) {
                        selfReferences.computeIfAbsent(table, name -> new LinkedHashMap<>())
                                .put(rs.getString("column_name"), rs.getString("referenced_name"));
                    } else {
                        parents.computeIfAbsent(table, name -> new LinkedHashSet<>()).add(parent);
                    }
                    return table;
                }).list();
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        List<String> remaining = new ArrayList<>(columns.keySet());
        while (!remaining.isEmpty()) {
            String next = remaining.stream()
                    .filter(table -> parents.getOrDefault(table, Set.of()).stream()
                            .allMatch(parent -> placed.contains(parent) || !columns.containsKey(parent)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Tenant tables reference each other in a cycle: "
                            + remaining));
            remaining.remove(next);
            placed.add(next);
            ordered.add(new Table(next, List.copyOf(columns.get(next)), List.copyOf(keys.getOrDefault(next, List.of())),
                    Set.copyOf(identity.get(next)), Map.copyOf(selfReferences.getOrDefault(next, Map.of()))));
        }
        return ordered;
    }

    /** A catalog name as an SQL identifier. */
    public static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
