package io.intelligencecrm.core.events;

import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.tenant.TenantId;
import java.util.List;
import java.util.UUID;

/**
 * Fans a record change out to every subscriber as outbox messages, inside the caller's tenant
 * transaction: the change and its notifications commit together or not at all.
 */
public final class ChangeFeed {
    private final Outbox outbox;
    private final List<ChangeSubscriber> subscribers;

    public ChangeFeed(Outbox outbox, List<ChangeSubscriber> subscribers) {
        this.outbox = outbox;
        this.subscribers = List.copyOf(subscribers);
    }

    public void publish(TenantId tenant, RecordChange change) {
        for (ChangeSubscriber subscriber : subscribers) {
            if (!subscriber.wants(change)) continue;
            String kind = subscriber.outboxKind();
            if (subscriber.coalescePerRecord()) {
                outbox.enqueueOrRefresh(tenant, kind, change.toPayload(),
                        kind + ":" + change.entityType() + ":" + change.entityId());
            } else {
                outbox.enqueue(tenant, kind, change.toPayload(), kind + ":" + UUID.randomUUID());
            }
        }
    }
}
