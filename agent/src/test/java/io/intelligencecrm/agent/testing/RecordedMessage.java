package io.intelligencecrm.agent.testing;

import java.util.List;
import java.util.Optional;

/**
 * One message of a recorded request, the same shape for both wire formats: roles are {@code system},
 * {@code user}, {@code assistant} and {@code tool}. An Anthropic {@code tool_result} block becomes a {@code tool}
 * message of its own, as in OpenAI's format.
 *
 * @param toolCalls  the calls an assistant message made
 * @param toolCallId for a tool message: the call it answers
 */
public record RecordedMessage(String role, String content, List<RecordedToolCall> toolCalls,
                             Optional<String> toolCallId) {

    public RecordedMessage {
        content = content == null ? "" : content;
        toolCalls = List.copyOf(toolCalls);
    }

    static RecordedMessage of(String role, String content) {
        return new RecordedMessage(role, content, List.of(), Optional.empty());
    }

    static RecordedMessage toolResult(String toolCallId, String content) {
        return new RecordedMessage("tool", content, List.of(), Optional.of(toolCallId));
    }
}
