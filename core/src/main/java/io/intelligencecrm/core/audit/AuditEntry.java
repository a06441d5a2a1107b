package io.intelligencecrm.core.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record AuditEntry(long id, Instant occurredAt, String actorType, UUID actorId, UUID onBehalfOf, String action,
                         String entityType, UUID entityId, UUID conversationId, Map<String, Object> diff) {
}
