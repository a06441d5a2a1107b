package io.intelligencecrm.core.audit;

import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Records who did what to which record. Called inside the same tenant transaction as the change,
 * so a write and its audit row commit or roll back together.
 */
public final class AuditTrail {
    private final TenantTransactions transactions;

    public AuditTrail(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * @param diff a compact description of the change, e.g. {"stage": ["lead", "qualified"]}
     */
    public void record(Actor actor, String action, String entityType, UUID entityId, Map<String, ?> diff,
                       UUID conversationId) {
        transactions.useTenant(actor.tenant(), handle -> handle.createUpdate("""
                        insert into audit_log (tenant_id, actor_type, actor_id, on_behalf_of, action, entity_type,
                                               entity_id, conversation_id, diff)
                        values (crm_current_tenant(), :actorType, :actorId, :onBehalfOf, :action, :entityType,
                                :entityId, :conversationId, :diff)""")
                .bind("actorType", actorType(actor))
                .bind("actorId", actorId(actor))
                .bind("onBehalfOf", onBehalfOf(actor))
                .bind("action", action)
                .bind("entityType", entityType)
                .bind("entityId", entityId)
                .bind("conversationId", conversationId)
                .bind("diff", diff == null ? Map.of() : diff)
                .execute());
    }

    public void record(Actor actor, String action, String entityType, UUID entityId, Map<String, ?> diff) {
        record(actor, action, entityType, entityId, diff, null);
    }

    /** One audit row per entity, written as a single batch (imports). */
    public void recordAll(Actor actor, String action, String entityType, Map<UUID, ? extends Map<String, ?>> diffs) {
        if (diffs.isEmpty()) return;
        transactions.useTenant(actor.tenant(), handle -> {
            PreparedBatch batch = handle.prepareBatch("""
                    insert into audit_log (tenant_id, actor_type, actor_id, on_behalf_of, action, entity_type, entity_id,
                                           diff)
                    values (crm_current_tenant(), :actorType, :actorId, :onBehalfOf, :action, :entityType, :entityId,
                            :diff)""");
            diffs.forEach((entityId, diff) -> batch.bind("actorType", actorType(actor)).bind("actorId", actorId(actor))
                    .bind("onBehalfOf", onBehalfOf(actor)).bind("action", action).bind("entityType", entityType)
                    .bind("entityId", entityId).bind("diff", diff).add());
            batch.execute();
        });
    }

    private static String actorType(Actor actor) {
        return switch (actor.kind()) {
            case USER -> "user";
            case API_KEY -> "api_key";
            case AGENT -> "agent";
            case WORKFLOW -> "workflow";
            case SYSTEM -> "system";
        };
    }

    private static UUID actorId(Actor actor) {
        return actor.kind() == Actor.Kind.API_KEY ? actor.apiKeyId() : actor.userId();
    }

    private static UUID onBehalfOf(Actor actor) {
        return actor.kind() == Actor.Kind.USER ? null : actor.userId();
    }
}
