package io.intelligencecrm.agent.chat;

import java.util.UUID;

/**
 * One user message for the agent.
 *
 * @param conversationId the conversation to continue; null starts a new one
 * @param channel        web, api, slack, email or workflow
 * @param context        data the turn is about (a workflow run's record), given to the model beside the
 *                       message, never as part of it; null for none
 */
public record ChatInput(UUID conversationId, String message, String channel, String context) {

    public ChatInput(UUID conversationId, String message, String channel) {
        this(conversationId, message, channel, null);
    }
}
