package io.intelligencecrm.core.interaction;

import java.time.Instant;
import java.util.UUID;

public record NewInteraction(UUID contactId, UUID dealId, InteractionType type, Direction direction, String subject,
                             String content, Instant occurredAt, UUID authorId) {
}
