package io.intelligencecrm.core.contact;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.paging.Keyset;
import io.intelligencecrm.core.paging.Page;
import io.intelligencecrm.core.paging.SortKey;
import io.intelligencecrm.core.paging.Sorted;
import io.intelligencecrm.core.paging.SortKey.Kind;
import io.intelligencecrm.core.record.TextSearch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Builds the contact list query from fixed SQL fragments and bound values (never request text in
 * the SQL), keyset-paged on indexes that start with tenant_id.
 */
final class ContactSearch {
    static final Map<String, SortKey> SORTS = Map.of(
            "created", new SortKey("created", "c.created_at", Kind.TIMESTAMP),
            "updated", new SortKey("updated", "c.updated_at", Kind.TIMESTAMP),
            "name", new SortKey("name", "lower(c.last_name || ' ' || c.first_name)", Kind.TEXT),
            "score", new SortKey("score", "coalesce(c.score, -1)", Kind.NUMBER));

    private ContactSearch() {
    }

    static Page<Contact> run(Handle handle, ContactQuery query) {
        String sortName = query.sort() == null ? "created" : query.sort();
        SortKey sort = SORTS.get(sortName);
        if (sort == null) throw CrmException.invalid("sort", "must be one of created, updated, name, score");
        boolean descending = query.descending() == null ? !sortName.equals("name") : query.descending();
        Keyset keyset = Keyset.of(sort, descending, query.cursor(), query.limit());

        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>(keyset.bindings());
        where.add(query.deleted() ? "c.deleted_at is not null" : "c.deleted_at is null");
        if (query.ownerId() != null) {
            where.add("c.owner_id = :ownerId");
            binds.put("ownerId", query.ownerId());
        }
        if (query.stage() != null) {
            where.add("c.lifecycle_stage = :stage");
            binds.put("stage", query.stage().stored());
        }
        if (query.companyId() != null) {
            where.add("c.company_id = :companyId");
            binds.put("companyId", query.companyId());
        }
        range(where, binds, "c.created_at", "created", query.createdFrom(), query.createdTo());
        range(where, binds, "c.updated_at", "updated", query.updatedFrom(), query.updatedTo());
        if (query.hasEmail() != null) where.add(query.hasEmail() ? "c.email is not null" : "c.email is null");
        if (query.scoreMin() != null) {
            where.add("c.score >= :scoreMin");
            binds.put("scoreMin", query.scoreMin());
        }
        if (query.scoreMax() != null) {
            where.add("c.score <= :scoreMax");
            binds.put("scoreMax", query.scoreMax());
        }
        if (query.notContactedSince() != null) {
            where.add("c.created_at < :quietSince and not exists (select 1 from interactions qi where qi.tenant_id = "
                    + "c.tenant_id and qi.contact_id = c.id and qi.deleted_at is null and qi.occurred_at >= :quietSince)");
            binds.put("quietSince", query.notContactedSince());
        }
        int n = 0;
        for (Map.Entry<String, String> attribute : query.custom().entrySet()) {
            // Equality on the attribute's text form, so "42", "true" and "Berlin" all compare as typed in a URL.
            where.add("c.custom ->> :customKey" + n + " = :customValue" + n);
            binds.put("customKey" + n, attribute.getKey());
            binds.put("customValue" + n, attribute.getValue());
            n++;
        }
        List<String> words = TextSearch.words(query.q());
        for (int i = 0; i < words.size(); i++) {
            where.add("(c.search_text like :word" + i + " or exists (select 1 from companies qc where qc.tenant_id = "
                    + "c.tenant_id and qc.id = c.company_id and lower(qc.name) like :word" + i + "))");
            binds.put("word" + i, TextSearch.contains(words.get(i)));
        }
        where.add(keyset.condition("c.id"));
        String sql = ContactDao.SELECT.replace("select c.id,", "select " + sort.sqlExpression() + " as sort_value, c.id,")
                + " where " + String.join(" and ", where) + keyset.orderBy("c.id");
        Query statement = handle.createQuery(sql);
        binds.forEach(statement::bind);
        return keyset.page(statement.map(Sorted.mapper(Contact.class)).list(), Contact::id);
    }

    private static void range(List<String> where, Map<String, Object> binds, String column, String name,
                              Object from, Object to) {
        if (from != null) {
            where.add(column + " >= :" + name + "From");
            binds.put(name + "From", from);
        }
        if (to != null) {
            where.add(column + " < :" + name + "To");
            binds.put(name + "To", to);
        }
    }
}
