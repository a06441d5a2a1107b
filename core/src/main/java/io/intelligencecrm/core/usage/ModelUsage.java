package io.intelligencecrm.core.usage;

import java.util.UUID;

/** Tokens one model call used, for whom. */
public record ModelUsage(UUID userId, UUID conversationId, String provider, String model, int inputTokens,
                         int outputTokens) {
}
