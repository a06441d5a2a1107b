package io.intelligencecrm.agent.chat;

import java.util.UUID;

/** How a turn ended, once every event was delivered. */
public record ChatReply(UUID conversationId, String text, boolean failed, String failureCode, int toolCalls,
                        int inputTokens, int outputTokens) {
}
