package io.intelligencecrm.agent.memory;

import io.intelligencecrm.core.tenant.TenantId;
import java.util.Objects;
import java.util.UUID;

/** The chat memory id: a conversation of one user in one tenant. */
public record ConversationKey(TenantId tenant, UUID userId, UUID conversationId) {
    public ConversationKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(conversationId, "conversationId");
    }
}
