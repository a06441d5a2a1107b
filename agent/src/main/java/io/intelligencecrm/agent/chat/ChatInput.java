package io.intelligencecrm.agent.chat;

import java.util.UUID;

/**
 * One user message for the agent.
 *
 * @param conversationId the conversation to continue; null starts a new one
 * @param channel        web, api, slack, email or workflow
 */
public record ChatInput(UUID conversationId, String message, String channel) {
}
