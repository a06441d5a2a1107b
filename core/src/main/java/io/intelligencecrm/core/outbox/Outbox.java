package io.intelligencecrm.core.outbox;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Adds side effects to the transactional outbox. Call it inside the tenant transaction of the
 * change: both commit or neither does. The idempotency key makes a repeated enqueue a no-op.
 */
public final class Outbox {
    private final TenantTransactions transactions;

    public Outbox(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** @return true if queued, false if a message with this key already exists for the tenant */
    public boolean enqueue(TenantId tenant, String kind, Map<String, ?> payload, String idempotencyKey) {
        return enqueue(tenant, kind, payload, idempotencyKey, null);
    }

    public boolean enqueue(TenantId tenant, String kind, Map<String, ?> payload, String idempotencyKey,
                           Instant availableAt) {
        return transactions.inTenant(tenant, handle -> handle.createUpdate("""
                        insert into outbox (tenant_id, kind, payload, idempotency_key, available_at)
                        values (crm_current_tenant(), :kind, :payload, :key, coalesce(:availableAt, now()))
                        on conflict (tenant_id, idempotency_key) do nothing""")
                .bind("kind", kind)
                .bind("payload", payload)
                .bind("key", idempotencyKey)
                .bind("availableAt", availableAt)
                .execute()) == 1;
    }

    /** Queues many messages of one kind in a single batch; existing keys are refreshed or kept as the flag says. */
    public void enqueueAll(TenantId tenant, String kind, Map<String, ? extends Map<String, ?>> payloadsByKey,
                           boolean refreshExisting) {
        if (payloadsByKey.isEmpty()) return;
        String conflict = refreshExisting ? """
                do update set payload = excluded.payload, status = 'pending', attempts = 0, available_at = now(),
                              last_error = null, processed_at = null
                 where outbox.status <> 'processing'""" : "do nothing";
        transactions.useTenant(tenant, handle -> {
            PreparedBatch batch = handle.prepareBatch("""
                    insert into outbox (tenant_id, kind, payload, idempotency_key)
                    values (crm_current_tenant(), :kind, :payload, :key)
                    on conflict (tenant_id, idempotency_key)\s""" + conflict);
            payloadsByKey.forEach((key, payload) -> batch.bind("kind", kind).bind("payload", payload).bind("key", key).add());
            batch.execute();
        });
    }

    /**
     * Re-queues an effect that should run again (e.g. re-embed after another edit): a pending
     * row with the key is made due now, a finished one is reset to pending.
     */
    public void enqueueOrRefresh(TenantId tenant, String kind, Map<String, ?> payload, String idempotencyKey) {
        transactions.useTenant(tenant, handle -> handle.createUpdate("""
                        insert into outbox (tenant_id, kind, payload, idempotency_key)
                        values (crm_current_tenant(), :kind, :payload, :key)
                        on conflict (tenant_id, idempotency_key) do update
                           set payload = excluded.payload, status = 'pending', attempts = 0,
                               available_at = now(), last_error = null, processed_at = null
                         where outbox.status <> 'processing'""")
                .bind("kind", kind)
                .bind("payload", payload)
                .bind("key", idempotencyKey)
                .execute());
    }
}
