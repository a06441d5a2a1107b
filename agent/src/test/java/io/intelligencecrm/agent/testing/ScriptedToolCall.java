package io.intelligencecrm.agent.testing;

/** A tool call a scripted model makes; {@code argumentsJson} is a JSON object, as the model would write it. */
public record ScriptedToolCall(String id, String name, String argumentsJson) {

    public static ScriptedToolCall of(String id, String name, String argumentsJson) {
        return new ScriptedToolCall(id, name, argumentsJson);
    }
}
