package io.intelligencecrm.core.analytics;

import io.intelligencecrm.core.contact.LifecycleStage;
import io.intelligencecrm.core.db.StoredEnum;
import io.intelligencecrm.core.deal.DealStage;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.core.user.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * "How many …": one count query per question, from fixed SQL fragments and bound values. Everyone
 * may count records; tasks follow their own rule (reps count only their own).
 */
public final class RecordCounts {
    private final TenantTransactions transactions;

    public RecordCounts(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public long count(Actor actor, CountQuery query) {
        Objects.requireNonNull(query.kind(), "kind");
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        String table = switch (query.kind()) {
            case CONTACTS -> contacts(query, where, binds);
            case COMPANIES -> companies(query, where);
            case DEALS -> deals(query, where, binds);
            case INTERACTIONS -> interactions(query, where, binds);
            case TASKS -> tasks(actor, query, where);
        };
        String owner = switch (query.kind()) {
            case INTERACTIONS -> "r.author_id";
            case TASKS -> "r.assignee_id";
            default -> "r.owner_id";
        };
        if (query.ownerId() != null) {
            where.add(owner + " = :ownerId");
            binds.put("ownerId", query.ownerId());
        }
        String created = query.kind() == RecordKind.INTERACTIONS ? "r.occurred_at" : "r.created_at";
        if (query.createdFrom() != null) {
            where.add(created + " >= :createdFrom");
            binds.put("createdFrom", query.createdFrom());
        }
        if (query.createdTo() != null) {
            where.add(created + " < :createdTo");
            binds.put("createdTo", query.createdTo());
        }
        String sql = "select count(*) from " + table + " r where " + String.join(" and ", where);
        return transactions.inTenant(actor.tenant(), handle -> {
            var statement = handle.createQuery(sql);
            binds.forEach(statement::bind);
            return statement.mapTo(Long.class).one();
        });
    }

    private static String contacts(CountQuery query, List<String> where, Map<String, Object> binds) {
        where.add("r.deleted_at is null");
        if (query.stage() != null) {
            where.add("r.lifecycle_stage = :stage");
            binds.put("stage", stage(LifecycleStage.class, query.stage()));
        }
        company(query, "r.company_id", where, binds);
        refuse(query.open() != null, "open", "applies to deals and tasks, not contacts");
        return "contacts";
    }

    private static String companies(CountQuery query, List<String> where) {
        where.add("r.deleted_at is null");
        refuse(query.stage() != null, "stage", "companies have no stage");
        refuse(query.companyId() != null, "company", "count contacts or deals of a company instead");
        refuse(query.open() != null, "open", "applies to deals and tasks, not companies");
        return "companies";
    }

    private static String deals(CountQuery query, List<String> where, Map<String, Object> binds) {
        where.add("r.deleted_at is null");
        if (query.stage() != null) {
            where.add("r.stage = :stage");
            binds.put("stage", stage(DealStage.class, query.stage()));
        }
        company(query, "r.company_id", where, binds);
        if (query.open() != null) where.add(query.open() ? "r.closed_at is null" : "r.closed_at is not null");
        return "deals";
    }

    private static String interactions(CountQuery query, List<String> where, Map<String, Object> binds) {
        where.add("r.deleted_at is null");
        refuse(query.stage() != null, "stage", "interactions have no stage");
        refuse(query.open() != null, "open", "applies to deals and tasks, not interactions");
        if (query.companyId() != null) {
            where.add("exists (select 1 from contacts ic where ic.tenant_id = r.tenant_id and ic.id = r.contact_id"
                    + " and ic.company_id = :companyId)");
            binds.put("companyId", query.companyId());
        }
        return "interactions";
    }

    private static String tasks(Actor actor, CountQuery query, List<String> where) {
        if (actor.role() == Role.REP && (actor.userId() == null || !actor.userId().equals(query.ownerId()))) {
            throw CrmException.forbidden("Reps count only their own tasks");
        }
        refuse(query.stage() != null, "stage", "tasks have no stage");
        refuse(query.companyId() != null, "company", "tasks are counted per person, not per company");
        if (query.open() != null) where.add(query.open() ? "r.done_at is null" : "r.done_at is not null");
        where.add("true");
        return "tasks";
    }

    private static void company(CountQuery query, String column, List<String> where, Map<String, Object> binds) {
        if (query.companyId() == null) return;
        where.add(column + " = :companyId");
        binds.put("companyId", query.companyId());
    }

    private static <E extends Enum<E> & StoredEnum> String stage(Class<E> type, String text) {
        try {
            return StoredEnum.parse(type, text).stored();
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.stored());
            throw CrmException.invalid("stage", "'" + text + "' is not a stage here; use one of " + allowed);
        }
    }

    private static void refuse(boolean given, String field, String message) {
        if (given) throw CrmException.invalid(field, message);
    }
}
