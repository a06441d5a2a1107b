package io.intelligencecrm.core.audit;

import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.List;
import java.util.UUID;

/** Reads the audit trail: the history of one record, or the latest entries; managers and admins. */
public final class AuditQuery {
    private final TenantTransactions transactions;

    public AuditQuery(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Newest first; {@code beforeId} pages back in time. */
    public List<AuditEntry> list(Actor actor, String entityType, UUID entityId, Long beforeId, int limit) {
        Permissions.requireManager(actor, "read the audit trail");
        return transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        select id, occurred_at, actor_type, actor_id, on_behalf_of, action, entity_type, entity_id,
                               conversation_id, diff
                          from audit_log
                         where (cast(:entityType as text) is null or entity_type = :entityType)
                           and (cast(:entityId as uuid) is null or entity_id = :entityId)
                           and (cast(:beforeId as bigint) is null or id < :beforeId)
                         order by id desc
                         limit :limit""")
                .bind("entityType", entityType).bind("entityId", entityId).bind("beforeId", beforeId)
                .bind("limit", Math.max(1, Math.min(limit, 200)))
                .mapTo(AuditEntry.class).list());
    }
}
