package io.intelligencecrm.core.conversation;

import java.time.Instant;
import java.util.UUID;

/** A chat between one user and the agent, on one channel (web, api, slack, email, workflow). */
public record Conversation(UUID id, UUID userId, String title, String channel, Instant createdAt, Instant updatedAt) {
}
