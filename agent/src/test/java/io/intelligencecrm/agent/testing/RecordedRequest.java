package io.intelligencecrm.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request a scripted server received. {@code headers} keys are lower case; {@code messages} and
 * {@code toolNames} are read from the body in the server's wire format, so assertions need not know it.
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String rawBody,
                              JsonNode body, List<RecordedMessage> messages, List<String> toolNames) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
        messages = List.copyOf(messages);
        toolNames = List.copyOf(toolNames);
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase());
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public boolean streaming() {
        return body.path("stream").asBoolean(false);
    }

    public String model() {
        return body.path("model").asText("");
    }

    /** The text of the last user message, usually what the user just typed. */
    public String lastUserText() {
        return messages.reversed().stream().filter(message -> message.role().equals("user"))
                .map(RecordedMessage::content).findFirst().orElse("");
    }

    /** Tool results sent back to the model, oldest first. */
    public List<RecordedMessage> toolResults() {
        return messages.stream().filter(message -> message.role().equals("tool")).toList();
    }

    public Optional<RecordedMessage> toolResult(String toolCallId) {
        return toolResults().stream().filter(result -> result.toolCallId().orElse("").equals(toolCallId)).findFirst();
    }
}
