package io.intelligencecrm.core.record;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.events.RecordChange;
import io.intelligencecrm.core.identity.Actor;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * How a business record (company, contact, deal, interaction) goes to the trash and comes back: the row
 * change, its audit entry ({@code <entity>.delete}, {@code <entity>.restore}) and its change event
 * ({@code deleted}, {@code restored}), all in the caller's tenant transaction. Permission checks stay with
 * each service, which knows who may change what. Thread-safe.
 */
public final class RecordTrash {
    private final AuditTrail audit;
    private final ChangeFeed changes;

    public RecordTrash(AuditTrail audit, ChangeFeed changes) {
        this.audit = audit;
        this.changes = changes;
    }

    /** @param softDelete the record's own soft delete; returns the rows it changed (0: already in the trash) */
    public boolean delete(Actor actor, String entity, UUID id, IntSupplier softDelete) {
        return delete(actor, entity, id, Map.of(), Map.of(), softDelete);
    }

    /** @param auditDetail what the audit entry adds; @param change what subscribers get with the event */
    public boolean delete(Actor actor, String entity, UUID id, Map<String, Object> auditDetail,
                          Map<String, Object> change, IntSupplier softDelete) {
        return apply(actor, entity, id, "delete", "deleted", auditDetail, change, softDelete);
    }

    /** @param restore the record's own restore; returns the rows it changed (0: it was not in the trash) */
    public boolean restore(Actor actor, String entity, UUID id, IntSupplier restore) {
        return restore(actor, entity, id, Map.of(), restore);
    }

    public boolean restore(Actor actor, String entity, UUID id, Map<String, Object> change, IntSupplier restore) {
        return apply(actor, entity, id, "restore", "restored", Map.of(), change, restore);
    }

    private boolean apply(Actor actor, String entity, UUID id, String verb, String event, Map<String, Object> auditDetail,
                          Map<String, Object> change, IntSupplier update) {
        if (update.getAsInt() == 0) return false;
        audit.record(actor, entity + "." + verb, entity, id, auditDetail);
        changes.publish(actor.tenant(), new RecordChange(entity, id, event, change, actor.userId()));
        return true;
    }
}
