package io.intelligencecrm.webhooks;

import io.intelligencecrm.core.contact.ErasureStep;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.webhooks.delivery.DeliveryDao;
import io.intelligencecrm.webhooks.delivery.WebhookFanout;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Erasing a person leaves nothing of them in webhooks: changes about them not yet fanned out are dropped,
 * stored bodies that name them are redacted and unsent ones cancelled. The person's row is locked first,
 * so a fan-out that is reading them finishes (and is redacted here) or starts afterwards and finds nothing.
 */
public final class WebhookErasure implements ErasureStep {

    @Override
    public void erase(Handle handle, TenantId tenant, UUID contactId, List<UUID> interactionIds) {
        handle.createQuery("select true from contacts where id = :id for update").bind("id", contactId)
                .mapTo(Boolean.class).findOne();
        List<String> records = new ArrayList<>(interactionIds.stream().map(UUID::toString).toList());
        records.add(contactId.toString());
        handle.createUpdate("""
                        delete from outbox
                         where kind = :kind and status in ('pending', 'processing')
                           and payload ->> 'entityId' = any(:records)""")
                .bind("kind", WebhookFanout.KIND).bind("records", records.toArray(String[]::new)).execute();
        handle.attach(DeliveryDao.class).redactPerson(contactId);
    }
}
