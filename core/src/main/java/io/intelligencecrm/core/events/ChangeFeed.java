package io.intelligencecrm.core.events;

import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.tenant.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Publishes many changes with one batch per subscriber (imports). */
    public void publishAll(TenantId tenant, List<RecordChange> batch) {
        for (ChangeSubscriber subscriber : subscribers) {
            if (!subscriber.activeFor(tenant)) continue;
            Map<String, Map<String, Object>> payloads = new LinkedHashMap<>();
            for (RecordChange change : batch) {
                if (subscriber.wants(change)) payloads.put(key(subscriber, change), change.toPayload());
            }
            outbox.enqueueAll(tenant, subscriber.outboxKind(), payloads, subscriber.coalescePerRecord());
        }
    }

    public void publish(TenantId tenant, RecordChange change) {
        for (ChangeSubscriber subscriber : subscribers) {
            if (!subscriber.wants(change) || !subscriber.activeFor(tenant)) continue;
            if (subscriber.coalescePerRecord()) {
                outbox.enqueueOrRefresh(tenant, subscriber.outboxKind(), change.toPayload(), key(subscriber, change));
            } else {
                outbox.enqueue(tenant, subscriber.outboxKind(), change.toPayload(), key(subscriber, change));
            }
        }
    }

    private static String key(ChangeSubscriber subscriber, RecordChange change) {
        return subscriber.coalescePerRecord()
                ? subscriber.outboxKind() + ":" + change.entityType() + ":" + change.entityId()
                : subscriber.outboxKind() + ":" + UUID.randomUUID();
    }
}
