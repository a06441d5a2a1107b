package io.intelligencecrm.core.interaction;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record Interaction(UUID id, UUID contactId, UUID dealId, InteractionType type, Direction direction,
                          String subject, String content, Instant occurredAt, UUID authorId,
                          Map<String, Object> metadata, Instant createdAt, Instant deletedAt) {
}
