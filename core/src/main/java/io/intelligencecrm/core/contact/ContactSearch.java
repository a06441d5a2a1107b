package io.intelligencecrm.core.contact;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.paging.Keyset;
import io.intelligencecrm.core.paging.NumberedPage;
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
        SortKey sort = sortKey(sortName);
        boolean descending = query.descending() == null ? !sortName.equals("name") : query.descending();
        Keyset keyset = Keyset.of(sort, descending, query.cursor(), query.limit());
        Filter filter = filter(query);
        filter.binds().putAll(keyset.bindings());
        filter.where().add(keyset.condition("c.id"));
        String sql = ContactDao.SELECT.replace("select c.id,", "select " + sort.sqlExpression() + " as sort_value, c.id,")
                + " where " + String.join(" and ", filter.where()) + keyset.orderBy("c.id");
        Query statement = handle.createQuery(sql);
        filter.binds().forEach(statement::bind);
        return keyset.page(statement.map(Sorted.mapper(Contact.class)).list(), Contact::id);
    }

    /**
     * A numbered page and the count of all matches, for the contact list people page through. Rows
     * without a score come last whichever way scores are sorted.
     */
    static NumberedPage<Contact> numbered(Handle handle, ContactQuery query, int page) {
        String sortName = query.sort() == null ? "created" : query.sort();
        SortKey sort = sortKey(sortName);
        boolean descending = query.descending() == null ? !sortName.equals("name") : query.descending();
        int size = query.limit() == null ? Keyset.DEFAULT_LIMIT : query.limit();
        if (size < 1 || size > NumberedPage.MAX_PAGE_SIZE) {
            throw CrmException.invalid("limit", "must be between 1 and " + NumberedPage.MAX_PAGE_SIZE);
        }
        Filter filter = filter(query);
        String where = " where " + String.join(" and ", filter.where());
        Query count = handle.createQuery("select count(*) from contacts c" + where);
        filter.binds().forEach(count::bind);
        long total = count.mapTo(Long.class).one();
        String expression = sortName.equals("score") ? "c.score" : sort.sqlExpression();
        String direction = descending ? " desc" : " asc";
        Query rows = handle.createQuery(ContactDao.SELECT + where + " order by " + expression + direction + " nulls last, c.id"
                + direction + " limit " + size + " offset " + NumberedPage.offset(page, size));
        filter.binds().forEach(rows::bind);
        return new NumberedPage<>(rows.mapTo(Contact.class).list(), total, Math.max(page, 1), size);
    }

    private static SortKey sortKey(String name) {
        SortKey sort = SORTS.get(name);
        if (sort == null) throw CrmException.invalid("sort", "must be one of created, updated, name, score");
        return sort;
    }

    /** The query's conditions as fixed SQL with named binds (never request text in the SQL). */
    private record Filter(List<String> where, Map<String, Object> binds) {
    }

    private static Filter filter(ContactQuery query) {
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
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
        return new Filter(where, binds);
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
