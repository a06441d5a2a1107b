package io.intelligencecrm.core.outbox;

import io.intelligencecrm.core.tenant.TenantId;
import java.time.Instant;
import java.util.Map;

/** A side effect waiting to be carried out after the transaction that caused it committed. */
public record OutboxMessage(TenantId tenant, long id, String kind, Map<String, Object> payload,
                            String idempotencyKey, int attempts, Instant createdAt) {
}
