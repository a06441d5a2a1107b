package io.intelligencecrm.agent.testing;

/** A tool call as the client sent it back in the conversation history. */
public record RecordedToolCall(String id, String name, String argumentsJson) {
}
