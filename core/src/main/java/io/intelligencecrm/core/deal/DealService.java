package io.intelligencecrm.core.deal;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.company.CompanyService;
import io.intelligencecrm.core.contact.ContactDao;
import io.intelligencecrm.core.db.StoredEnum;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.events.RecordChange;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.paging.Keyset;
import io.intelligencecrm.core.paging.Page;
import io.intelligencecrm.core.paging.SortKey;
import io.intelligencecrm.core.paging.Sorted;
import io.intelligencecrm.core.paging.SortKey.Kind;
import io.intelligencecrm.core.record.FieldReader;
import io.intelligencecrm.core.record.RecordTrash;
import io.intelligencecrm.core.record.RecordWrites;
import io.intelligencecrm.core.record.TextSearch;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Deals and the pipeline. Reps change only their own deals; won/lost stamps the close time. */
public final class DealService {
    public static final Set<String> FIELDS = Set.of("name", "contactId", "companyId", "ownerId", "stage", "amount",
            "currency", "expectedCloseDate", "lostReason", "description", "custom");
    private static final Map<String, SortKey> SORTS = Map.of(
            "created", new SortKey("created", "d.created_at", Kind.TIMESTAMP),
            "updated", new SortKey("updated", "d.updated_at", Kind.TIMESTAMP),
            "close", new SortKey("close", "coalesce(d.expected_close_date, date '9999-12-31')::timestamptz", Kind.TIMESTAMP),
            "amount", new SortKey("amount", "d.amount", Kind.NUMBER));

    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final ChangeFeed changes;
    private final RecordTrash trash;
    private final CompanyService companies;
    private final Clock clock;

    public DealService(TenantTransactions transactions, AuditTrail audit, ChangeFeed changes, CompanyService companies,
                       Clock clock) {
        this.transactions = transactions;
        this.audit = audit;
        this.changes = changes;
        this.trash = new RecordTrash(audit, changes);
        this.companies = companies;
        this.clock = clock;
    }

    public Page<Deal> list(Actor actor, DealQuery query) {
        String sortName = query.sort() == null ? "created" : query.sort();
        SortKey sort = SORTS.get(sortName);
        if (sort == null) throw CrmException.invalid("sort", "must be one of created, updated, close, amount");
        boolean descending = query.descending() == null ? !sortName.equals("close") : query.descending();
        Keyset keyset = Keyset.of(sort, descending, query.cursor(), query.limit());
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>(keyset.bindings());
        where.add(query.deleted() ? "d.deleted_at is not null" : "d.deleted_at is null");
        equal(where, binds, "d.owner_id", "ownerId", query.ownerId());
        equal(where, binds, "d.stage", "stage", query.stage() == null ? null : query.stage().stored());
        equal(where, binds, "d.company_id", "companyId", query.companyId());
        equal(where, binds, "d.contact_id", "contactId", query.contactId());
        if (query.open() != null) where.add(query.open() ? "d.closed_at is null" : "d.closed_at is not null");
        bound(where, binds, "d.expected_close_date >= :closingFrom", "closingFrom", query.closingFrom());
        bound(where, binds, "d.expected_close_date <= :closingTo", "closingTo", query.closingTo());
        bound(where, binds, "d.amount >= :amountMin", "amountMin", query.amountMin());
        bound(where, binds, "d.amount <= :amountMax", "amountMax", query.amountMax());
        List<String> words = TextSearch.words(query.q());
        for (int i = 0; i < words.size(); i++) {
            where.add("(lower(d.name) like :word" + i + " or lower(coalesce(co.name, '')) like :word" + i + ")");
            binds.put("word" + i, TextSearch.contains(words.get(i)));
        }
        where.add(keyset.condition("d.id"));
        String sql = DealDao.SELECT.replace("select d.id,", "select " + sort.sqlExpression() + " as sort_value, d.id,")
                + " where " + String.join(" and ", where) + keyset.orderBy("d.id");
        return transactions.inTenant(actor.tenant(), handle -> {
            Query statement = handle.createQuery(sql);
            binds.forEach(statement::bind);
            return keyset.page(statement.map(Sorted.mapper(Deal.class)).list(), Deal::id);
        });
    }

    public Deal get(Actor actor, UUID id) {
        return transactions.inTenant(actor.tenant(), handle -> require(handle, id));
    }

    public Deal create(Actor actor, Map<String, Object> fields) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Violations violations = new Violations();
            Map<String, Object> values = read(new FieldReader(fields, FIELDS, violations));
            if (values.get("name") == null && !violations.has("name")) violations.add("name", "is required");
            violations.throwIfAny();
            values.put("owner_id", Permissions.ownerForNewRecord(actor, (UUID) values.get("owner_id")));
            RecordWrites.requireActiveUser(handle, (UUID) values.get("owner_id"), "ownerId");
            checkLinks(handle, values);
            stampClosing(values, null);
            UUID id = RecordWrites.insert(handle, "deals", values);
            audit.record(actor, "deal.create", "deal", id, RecordWrites.creationDiff(values));
            changes.publish(actor.tenant(), new RecordChange("deal", id, "created", Map.of(), actor.userId()));
            return require(handle, id);
        });
    }

    public Deal update(Actor actor, UUID id, Map<String, Object> patch) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Deal before = require(handle, id);
            Permissions.requireWrite(actor, before.ownerId(), false, "deals");
            Violations violations = new Violations();
            Map<String, Object> values = read(new FieldReader(patch, FIELDS, violations));
            if (values.containsKey("name") && values.get("name") == null && !violations.has("name")) {
                violations.add("name", "cannot be empty");
            }
            if (values.containsKey("stage") && values.get("stage") == null && !violations.has("stage")) {
                violations.add("stage", "cannot be empty");
            }
            violations.throwIfAny();
            if (values.containsKey("owner_id")) {
                UUID owner = (UUID) values.get("owner_id");
                if (owner == null || !owner.equals(actor.userId())) Permissions.requireManager(actor, "give deals to someone else");
                RecordWrites.requireActiveUser(handle, owner, "ownerId");
            }
            checkLinks(handle, values);
            if (values.containsKey("custom")) {
                Map<String, Object> merged = new LinkedHashMap<>(before.custom());
                ((Map<?, ?>) values.get("custom")).forEach((key, value) -> {
                    if (value == null) merged.remove(String.valueOf(key));
                    else merged.put(String.valueOf(key), value);
                });
                values.put("custom", merged);
            }
            stampClosing(values, before);
            Map<String, Object> diff = RecordWrites.diff(currentValues(before), values);
            if (diff.isEmpty()) return before;
            Map<String, Object> changed = new LinkedHashMap<>();
            diff.keySet().forEach(column -> changed.put(column, values.get(column)));
            RecordWrites.update(handle, "deals", id, changed);
            audit.record(actor, "deal.update", "deal", id, diff);
            changes.publish(actor.tenant(), new RecordChange("deal", id, "updated", diff, actor.userId()));
            return require(handle, id);
        });
    }

    /** Moves a deal to a stage; {@code lostReason} is kept when the stage is lost. */
    public Deal moveStage(Actor actor, UUID id, DealStage stage, String lostReason) {
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("stage", stage.stored());
        if (stage == DealStage.LOST && lostReason != null) patch.put("lostReason", lostReason);
        return update(actor, id, patch);
    }

    public Deal markWon(Actor actor, UUID id) {
        return moveStage(actor, id, DealStage.WON, null);
    }

    public Deal markLost(Actor actor, UUID id, String reason) {
        return moveStage(actor, id, DealStage.LOST, reason);
    }

    public void delete(Actor actor, UUID id) {
        transactions.useTenant(actor.tenant(), handle -> {
            Deal deal = require(handle, id);
            Permissions.requireWrite(actor, deal.ownerId(), false, "deals");
            trash.delete(actor, "deal", id, () -> handle.attach(DealDao.class).softDelete(id));
        });
    }

    public Deal restore(Actor actor, UUID id) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Deal deal = handle.attach(DealDao.class).find(id).orElseThrow(() -> CrmException.notFound("Deal"));
            Permissions.requireWrite(actor, deal.ownerId(), false, "deals");
            trash.restore(actor, "deal", id, () -> handle.attach(DealDao.class).restore(id));
            return require(handle, id);
        });
    }

    /** Deal count and value per stage (per currency), optionally for one owner. */
    public List<PipelineStage> pipeline(Actor actor, UUID ownerId) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Map<DealStage, Map<String, BigDecimal>> values = new EnumMap<>(DealStage.class);
            Map<DealStage, Long> counts = new EnumMap<>(DealStage.class);
            for (DealStage stage : DealStage.values()) {
                values.put(stage, new TreeMap<>());
                counts.put(stage, 0L);
            }
            handle.createQuery("""
                            select stage, currency, count(*) as deals, sum(amount) as total
                              from deals
                             where deleted_at is null and (cast(:ownerId as uuid) is null or owner_id = :ownerId)
                             group by stage, currency""")
                    .bind("ownerId", ownerId)
                    .mapToMap().forEach(row -> {
                        DealStage stage = StoredEnum.parse(DealStage.class, (String) row.get("stage"));
                        counts.merge(stage, ((Number) row.get("deals")).longValue(), Long::sum);
                        values.get(stage).put(((String) row.get("currency")).trim(), (BigDecimal) row.get("total"));
                    });
            List<PipelineStage> pipeline = new ArrayList<>();
            for (DealStage stage : DealStage.values()) {
                pipeline.add(new PipelineStage(stage, counts.get(stage), values.get(stage)));
            }
            return pipeline;
        });
    }

    public Deal require(Handle handle, UUID id) {
        return handle.attach(DealDao.class).find(id).filter(d -> d.deletedAt() == null)
                .orElseThrow(() -> CrmException.notFound("Deal"));
    }

    private void checkLinks(Handle handle, Map<String, Object> values) {
        if (values.get("company_id") != null) companies.require(handle, (UUID) values.get("company_id"), "companyId");
        if (values.get("contact_id") != null) {
            var contact = handle.attach(ContactDao.class).find((UUID) values.get("contact_id"))
                    .filter(c -> c.deletedAt() == null)
                    .orElseThrow(() -> CrmException.invalid("contactId", "no such contact"));
            if (!values.containsKey("company_id") && contact.companyId() != null) {
                values.put("company_id", contact.companyId());
            }
        }
    }

    /** Won and lost deals carry their close time; reopening clears it and the lost reason. */
    private void stampClosing(Map<String, Object> values, Deal before) {
        if (!values.containsKey("stage")) return;
        DealStage stage = StoredEnum.parse(DealStage.class, (String) values.get("stage"));
        boolean wasClosed = before != null && before.stage().closed();
        if (stage.closed() && (!wasClosed || before.stage() != stage)) {
            values.put("closed_at", Instant.now(clock));
        } else if (!stage.closed()) {
            values.put("closed_at", null);
            values.put("lost_reason", null);
        }
        if (stage != DealStage.LOST && values.get("lost_reason") != null) values.put("lost_reason", null);
    }

    private static void equal(List<String> where, Map<String, Object> binds, String column, String name, Object value) {
        if (value == null) return;
        where.add(column + " = :" + name);
        binds.put(name, value);
    }

    private static void bound(List<String> where, Map<String, Object> binds, String condition, String name, Object value) {
        if (value == null) return;
        where.add(condition);
        binds.put(name, value);
    }

    private static Map<String, Object> read(FieldReader reader) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (reader.has("name")) values.put("name", reader.text("name", 300));
        if (reader.has("contactId")) values.put("contact_id", reader.id("contactId"));
        if (reader.has("companyId")) values.put("company_id", reader.id("companyId"));
        if (reader.has("ownerId")) values.put("owner_id", reader.id("ownerId"));
        if (reader.has("stage")) {
            DealStage stage = reader.choice("stage", DealStage.class);
            values.put("stage", stage == null ? null : stage.stored());
        }
        if (reader.has("amount")) {
            BigDecimal amount = reader.amount("amount");
            values.put("amount", amount == null ? BigDecimal.ZERO : amount);
        }
        if (reader.has("currency")) {
            String currency = reader.currency("currency");
            values.put("currency", currency == null ? "USD" : currency);
        }
        if (reader.has("expectedCloseDate")) values.put("expected_close_date", reader.date("expectedCloseDate"));
        if (reader.has("lostReason")) values.put("lost_reason", reader.text("lostReason", 500));
        if (reader.has("description")) values.put("description", reader.text("description", 10_000));
        if (reader.has("custom")) values.put("custom", reader.attributes("custom"));
        return values;
    }

    private static Map<String, Object> currentValues(Deal deal) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", deal.name());
        values.put("contact_id", deal.contactId());
        values.put("company_id", deal.companyId());
        values.put("owner_id", deal.ownerId());
        values.put("stage", deal.stage().stored());
        values.put("amount", deal.amount());
        values.put("currency", deal.currency() == null ? null : deal.currency().trim());
        values.put("expected_close_date", deal.expectedCloseDate());
        values.put("closed_at", deal.closedAt());
        values.put("lost_reason", deal.lostReason());
        values.put("description", deal.description());
        values.put("custom", deal.custom());
        return values;
    }
}
