package io.intelligencecrm.core.contact;

import io.intelligencecrm.core.tenant.TenantId;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Part of erasing a person: removes what another module derived from them (vectors, chat
 * mentions, queued mail). Runs inside the erasure's tenant transaction, before the contact row
 * and its interactions are deleted, so all of it happens or none does.
 */
public interface ErasureStep {
    void erase(Handle handle, TenantId tenant, UUID contactId, List<UUID> interactionIds);
}
