package io.intelligencecrm.core.interaction;

import java.time.Instant;
import java.util.UUID;

/** Filters of the interaction timeline; {@code q} is full-text over subject and content. */
public record InteractionQuery(UUID contactId, UUID dealId, InteractionType type, Direction direction, UUID authorId,
                               Instant from, Instant to, String q, String cursor, Integer limit, boolean deleted) {
    public static InteractionQuery forContact(UUID contactId, int limit) {
        return new InteractionQuery(contactId, null, null, null, null, null, null, null, null, limit, false);
    }
}
