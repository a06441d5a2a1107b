package io.intelligencecrm.core.events;

import io.intelligencecrm.core.tenant.TenantId;

/** A consumer of record changes, delivered through its own outbox kind. */
public interface ChangeSubscriber {
    /** The outbox kind its handler consumes, e.g. "embed". */
    String outboxKind();

    /**
     * True when only the latest state matters (re-embedding, rescoring): repeated changes to one
     * record collapse into one pending message. False when every event counts (workflow triggers).
     */
    boolean coalescePerRecord();

    boolean wants(RecordChange change);

    /**
     * Whether the tenant has any use for changes now, asked once per publish inside the change's
     * transaction (webhooks: only tenants with an active subscription get messages).
     */
    default boolean activeFor(TenantId tenant) {
        return true;
    }
}
