package io.intelligencecrm.knowledge.search;

import io.intelligencecrm.knowledge.store.VectorMatch;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Names the records behind vector matches, in one query per type, and drops matches whose record
 * has been deleted since (a vector written by a slow embedding job after the delete never shows).
 */
final class SourceTitles {
    private static final Map<String, String> QUERIES = Map.of(
            "contact", """
                    select id, trim(first_name || ' ' || last_name) as title from contacts
                     where id = any(:ids) and deleted_at is null""",
            "company", "select id, name as title from companies where id = any(:ids) and deleted_at is null",
            "deal", "select id, name as title from deals where id = any(:ids) and deleted_at is null",
            "interaction", """
                    select i.id, coalesce(nullif(i.subject, ''), initcap(i.type)) || ' (' || to_char(i.occurred_at, 'YYYY-MM-DD') || ')' as title
                      from interactions i join contacts c on c.tenant_id = i.tenant_id and c.id = i.contact_id
                     where i.id = any(:ids) and i.deleted_at is null and c.deleted_at is null""",
            "document", "select id, title from knowledge_documents where id = any(:ids)");

    private SourceTitles() {
    }

    /** Titles of live sources and contact names, keyed by source id. */
    static Map<UUID, String> of(Handle handle, List<VectorMatch> matches) {
        Map<String, Set<UUID>> idsByType = new HashMap<>();
        Set<UUID> contacts = new LinkedHashSet<>();
        for (VectorMatch match : matches) {
            idsByType.computeIfAbsent(match.sourceType(), type -> new LinkedHashSet<>()).add(match.sourceId());
            if (match.contactId() != null) contacts.add(match.contactId());
        }
        idsByType.computeIfAbsent("contact", type -> new LinkedHashSet<>()).addAll(contacts);
        Map<UUID, String> titles = new HashMap<>();
        idsByType.forEach((type, ids) -> handle.createQuery(QUERIES.get(type))
                .bind("ids", ids.toArray(UUID[]::new))
                .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("title")))
                .forEach(entry -> titles.put(entry.getKey(), entry.getValue())));
        return titles;
    }
}
