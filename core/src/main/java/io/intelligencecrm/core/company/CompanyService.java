package io.intelligencecrm.core.company;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.events.RecordChange;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.paging.Keyset;
import io.intelligencecrm.core.paging.NumberedPage;
import io.intelligencecrm.core.paging.Page;
import io.intelligencecrm.core.paging.SortKey;
import io.intelligencecrm.core.paging.Sorted;
import io.intelligencecrm.core.paging.SortKey.Kind;
import io.intelligencecrm.core.record.FieldReader;
import io.intelligencecrm.core.record.RecordTrash;
import io.intelligencecrm.core.record.RecordWrites;
import io.intelligencecrm.core.record.TextSearch;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Companies: the accounts contacts and deals belong to. Same rules as contacts. */
public final class CompanyService {
    public static final Set<String> FIELDS = Set.of("name", "domain", "industry", "sizeBand", "country", "website",
            "ownerId", "custom");
    private static final Map<String, SortKey> SORTS = Map.of(
            "created", new SortKey("created", "created_at", Kind.TIMESTAMP),
            "updated", new SortKey("updated", "updated_at", Kind.TIMESTAMP),
            "name", new SortKey("name", "lower(name)", Kind.TEXT));

    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final ChangeFeed changes;
    private final RecordTrash trash;

    public CompanyService(TenantTransactions transactions, AuditTrail audit, ChangeFeed changes) {
        this.transactions = transactions;
        this.audit = audit;
        this.changes = changes;
        this.trash = new RecordTrash(audit, changes);
    }

    public record CompanyDetails(Company company, long contactCount) {
    }

    public Page<Company> list(Actor actor, CompanyQuery query) {
        String sortName = query.sort() == null ? "created" : query.sort();
        SortKey sort = sortKey(sortName);
        boolean descending = query.descending() == null ? !sortName.equals("name") : query.descending();
        Keyset keyset = Keyset.of(sort, descending, query.cursor(), query.limit());
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>(keyset.bindings());
        filter(query, where, binds);
        where.add(keyset.condition("id"));
        String sql = "select " + sort.sqlExpression() + " as sort_value, " + CompanyDao.COLUMNS
                + " from companies where " + String.join(" and ", where) + keyset.orderBy("id");
        return transactions.inTenant(actor.tenant(), handle -> {
            Query statement = handle.createQuery(sql);
            binds.forEach(statement::bind);
            return keyset.page(statement.map(Sorted.mapper(Company.class)).list(), Company::id);
        });
    }

    /** A company in a list with how many contacts and open deals it has. */
    public record CompanyRow(Company company, long contacts, long openDeals) {
    }

    /** A numbered page of the list (cursor ignored), with each company's contact and open deal counts. */
    public NumberedPage<CompanyRow> page(Actor actor, CompanyQuery query, int page) {
        String sortName = query.sort() == null ? "name" : query.sort();
        SortKey sort = sortKey(sortName);
        boolean descending = query.descending() == null ? !sortName.equals("name") : query.descending();
        int size = query.limit() == null ? Keyset.DEFAULT_LIMIT : query.limit();
        if (size < 1 || size > NumberedPage.MAX_PAGE_SIZE) {
            throw CrmException.invalid("limit", "must be between 1 and " + NumberedPage.MAX_PAGE_SIZE);
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        filter(query, where, binds);
        String condition = " where " + String.join(" and ", where);
        String direction = descending ? " desc" : " asc";
        return transactions.inTenant(actor.tenant(), handle -> {
            Query count = handle.createQuery("select count(*) from companies" + condition);
            binds.forEach(count::bind);
            long total = count.mapTo(Long.class).one();
            Query rows = handle.createQuery("select " + CompanyDao.COLUMNS + """
                    , (select count(*) from contacts ct where ct.tenant_id = companies.tenant_id
                         and ct.company_id = companies.id and ct.deleted_at is null) as contact_count
                    , (select count(*) from deals d where d.tenant_id = companies.tenant_id and d.company_id = companies.id
                         and d.deleted_at is null and d.stage not in ('won', 'lost')) as open_deals
                     from companies""" + condition + " order by " + sort.sqlExpression() + direction + ", id" + direction
                    + " limit " + size + " offset " + NumberedPage.offset(page, size));
            binds.forEach(rows::bind);
            List<CompanyRow> items = rows.map((rs, ctx) -> new CompanyRow(ctx.findRowMapperFor(Company.class).orElseThrow()
                    .map(rs, ctx), rs.getLong("contact_count"), rs.getLong("open_deals"))).list();
            return new NumberedPage<>(items, total, Math.max(page, 1), size);
        });
    }

    private static SortKey sortKey(String name) {
        SortKey sort = SORTS.get(name);
        if (sort == null) throw CrmException.invalid("sort", "must be one of created, updated, name");
        return sort;
    }

    private static void filter(CompanyQuery query, List<String> where, Map<String, Object> binds) {
        where.add(query.deleted() ? "deleted_at is not null" : "deleted_at is null");
        if (query.ownerId() != null) {
            where.add("owner_id = :ownerId");
            binds.put("ownerId", query.ownerId());
        }
        if (query.industry() != null) {
            where.add("lower(industry) = lower(:industry)");
            binds.put("industry", query.industry());
        }
        if (query.country() != null) {
            where.add("lower(country) = lower(:country)");
            binds.put("country", query.country());
        }
        TextSearch.words(query.q()).forEach(word -> {
            String name = "word" + where.size();
            where.add("(lower(name) like :" + name + " or lower(coalesce(domain, '')) like :" + name + ")");
            binds.put(name, TextSearch.contains(word));
        });
    }

    public CompanyDetails details(Actor actor, UUID id) {
        return transactions.inTenant(actor.tenant(), handle -> new CompanyDetails(require(handle, id, "id"),
                handle.attach(CompanyDao.class).countContacts(id)));
    }

    /** Companies whose name contains the text, best for "find Acme". */
    public List<Company> findByName(Actor actor, String text, int limit) {
        return transactions.inTenant(actor.tenant(), handle -> handle.attach(CompanyDao.class)
                .findByNameLike(TextSearch.contains(text.toLowerCase().trim()), limit));
    }

    public Company create(Actor actor, Map<String, Object> fields) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Violations violations = new Violations();
            FieldReader reader = new FieldReader(fields, FIELDS, violations);
            Map<String, Object> values = read(reader);
            if (values.get("name") == null && !violations.has("name")) violations.add("name", "is required");
            violations.throwIfAny();
            values.put("owner_id", Permissions.ownerForNewRecord(actor, (UUID) values.get("owner_id")));
            RecordWrites.requireActiveUser(handle, (UUID) values.get("owner_id"), "ownerId");
            rejectDuplicateDomain(handle, (String) values.get("domain"), null);
            UUID id = RecordWrites.insert(handle, "companies", values);
            audit.record(actor, "company.create", "company", id, RecordWrites.creationDiff(values));
            changes.publish(actor.tenant(), new RecordChange("company", id, "created", Map.of(), actor.userId()));
            return handle.attach(CompanyDao.class).find(id).orElseThrow();
        });
    }

    /** The live company this name means ({@link CompanyMatch}), created owned by the actor if none. */
    public Company findOrCreate(Actor actor, String name) {
        return findOrCreate(actor, name, null);
    }

    /**
     * The live company a new or edited contact names: the one this name means, with the contact's email
     * domain deciding between similar names ({@link CompanyMatch}); created owned by the actor if none.
     */
    public Company findOrCreate(Actor actor, String name, String email) {
        String typed = name.trim();
        String domain = CompanyMatch.domainOf(email);
        return transactions.inTenant(actor.tenant(), handle -> {
            List<Company> candidates = handle.createQuery("select " + CompanyDao.COLUMNS + """
                             from companies
                            where deleted_at is null
                              and (lower(name) like :prefix or lower(coalesce(domain, '')) like :prefix
                                   or lower(domain) = :domain)
                            order by lower(name) limit :limit""")
                    .bind("prefix", TextSearch.startsWith(CompanyMatch.stem(typed))).bind("domain", domain)
                    .bind("limit", CompanyMatch.CANDIDATES).mapTo(Company.class).list();
            return CompanyMatch.choose(typed, domain, candidates).orElseGet(() -> create(actor, Map.of("name", typed)));
        });
    }

    public Company update(Actor actor, UUID id, Map<String, Object> patch) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Company before = require(handle, id, "id");
            Permissions.requireWrite(actor, before.ownerId(), false, "companies");
            Violations violations = new Violations();
            Map<String, Object> values = read(new FieldReader(patch, FIELDS, violations));
            if (values.containsKey("name") && values.get("name") == null && !violations.has("name")) {
                violations.add("name", "cannot be empty");
            }
            violations.throwIfAny();
            if (values.containsKey("owner_id")) {
                UUID owner = (UUID) values.get("owner_id");
                if (owner == null || !owner.equals(actor.userId())) Permissions.requireManager(actor, "give companies to someone else");
                RecordWrites.requireActiveUser(handle, owner, "ownerId");
            }
            if (values.containsKey("custom")) {
                Map<String, Object> merged = new LinkedHashMap<>(before.custom());
                ((Map<?, ?>) values.get("custom")).forEach((key, value) -> {
                    if (value == null) merged.remove(String.valueOf(key));
                    else merged.put(String.valueOf(key), value);
                });
                values.put("custom", merged);
            }
            rejectDuplicateDomain(handle, (String) values.get("domain"), id);
            Map<String, Object> diff = RecordWrites.diff(currentValues(before), values);
            if (diff.isEmpty()) return before;
            Map<String, Object> changed = new LinkedHashMap<>();
            diff.keySet().forEach(column -> changed.put(column, values.get(column)));
            RecordWrites.update(handle, "companies", id, changed);
            audit.record(actor, "company.update", "company", id, diff);
            changes.publish(actor.tenant(), new RecordChange("company", id, "updated", diff, actor.userId()));
            return handle.attach(CompanyDao.class).find(id).orElseThrow();
        });
    }

    public void delete(Actor actor, UUID id) {
        transactions.useTenant(actor.tenant(), handle -> {
            Company company = require(handle, id, "id");
            Permissions.requireWrite(actor, company.ownerId(), false, "companies");
            trash.delete(actor, "company", id, () -> handle.attach(CompanyDao.class).softDelete(id));
        });
    }

    public Company restore(Actor actor, UUID id) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Company company = handle.attach(CompanyDao.class).find(id).orElseThrow(() -> CrmException.notFound("Company"));
            Permissions.requireWrite(actor, company.ownerId(), false, "companies");
            trash.restore(actor, "company", id, () -> handle.attach(CompanyDao.class).restore(id));
            return handle.attach(CompanyDao.class).find(id).orElseThrow();
        });
    }

    /** A live company of the tenant; otherwise a not-found error (or a field error when it came from input). */
    public Company require(Handle handle, UUID id, String field) {
        return handle.attach(CompanyDao.class).find(id).filter(c -> c.deletedAt() == null)
                .orElseThrow(() -> field.equals("id") ? CrmException.notFound("Company")
                        : CrmException.invalid(field, "no such company"));
    }

    private static void rejectDuplicateDomain(Handle handle, String domain, UUID self) {
        if (domain == null) return;
        // No unique index guards domains (older databases may hold duplicates), so two requests racing to add the
        // same domain take turns here until their transactions end; the second then sees the first's company.
        handle.execute("select pg_advisory_xact_lock(hashtextextended('company-domain:' || crm_current_tenant() || ':' || ?, 0))",
                domain);
        handle.attach(CompanyDao.class).findByDomain(domain).filter(existing -> !existing.id().equals(self))
                .ifPresent(existing -> {
                    throw CrmException.duplicate("domain", "A company with this domain already exists: " + existing.name(),
                            Map.of("existingId", existing.id().toString(), "field", "domain"));
                });
    }

    private static Map<String, Object> read(FieldReader reader) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (reader.has("name")) values.put("name", reader.text("name", 300));
        if (reader.has("domain")) {
            String domain = reader.text("domain", 253);
            values.put("domain", domain == null ? null : domain.toLowerCase().replaceFirst("^https?://", "")
                    .replaceFirst("^www\\.", "").replaceFirst("/.*$", ""));
        }
        if (reader.has("industry")) values.put("industry", reader.text("industry", 100));
        if (reader.has("sizeBand")) values.put("size_band", reader.text("sizeBand", 50));
        if (reader.has("country")) values.put("country", reader.text("country", 100));
        if (reader.has("website")) values.put("website", reader.text("website", 500));
        if (reader.has("ownerId")) values.put("owner_id", reader.id("ownerId"));
        if (reader.has("custom")) values.put("custom", reader.attributes("custom"));
        return values;
    }

    private static Map<String, Object> currentValues(Company company) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", company.name());
        values.put("domain", company.domain());
        values.put("industry", company.industry());
        values.put("size_band", company.sizeBand());
        values.put("country", company.country());
        values.put("website", company.website());
        values.put("owner_id", company.ownerId());
        values.put("custom", company.custom());
        return values;
    }
}
