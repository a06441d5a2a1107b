package io.intelligencecrm.scoring;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Display names of the similar leads shown beside a score. */
final class NeighbourNames {
    private NeighbourNames() {
    }

    static Map<UUID, String> of(Handle handle, Set<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (ids.isEmpty()) return names;
        handle.createQuery("""
                        select id, coalesce(nullif(trim(first_name || ' ' || last_name), ''), email) as name
                          from contacts where id = any(:ids)""")
                .bind("ids", ids.toArray(UUID[]::new))
                .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("name")))
                .forEach(entry -> names.put(entry.getKey(), entry.getValue()));
        return names;
    }
}
