package io.intelligencecrm.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Speaks Anthropic's Messages API at {@code POST /v1/messages}: JSON answers, or the {@code message_start} ...
 * {@code message_stop} event stream when the request asks to stream. Like Anthropic, it refuses requests without
 * {@code x-api-key} or {@code anthropic-version}.
 */
public final class ScriptedAnthropicServer extends ScriptedModelServer {

    public ScriptedAnthropicServer() {
        super("/v1/messages");
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    @Override
    protected Optional<ScriptedReply> precheck(RecordedRequest request) {
        if (request.header("x-api-key").isEmpty()) {
            return Optional.of(ScriptedReply.error(401, errorBody(401, "x-api-key header is required")));
        }
        if (request.header("anthropic-version").isEmpty()) {
            return Optional.of(ScriptedReply.error(400, errorBody(400, "anthropic-version header is required")));
        }
        return Optional.empty();
    }

    @Override
    protected RecordedRequest record(String method, String path, Map<String, List<String>> headers, String rawBody,
                                     JsonNode body) {
        List<RecordedMessage> messages = new ArrayList<>();
        if (body.has("system")) messages.add(RecordedMessage.of("system", text(body.get("system"))));
        body.path("messages").forEach(message -> messages.addAll(normalised(message)));
        List<String> toolNames = new ArrayList<>();
        body.path("tools").forEach(tool -> toolNames.add(tool.path("name").asText()));
        return new RecordedRequest(method, path, headers, rawBody, body, messages, toolNames);
    }

    /** Splits Anthropic's block lists into OpenAI-like messages: tool results become {@code tool} messages. */
    private static List<RecordedMessage> normalised(JsonNode message) {
        String role = message.path("role").asText();
        JsonNode content = message.get("content");
        if (content == null || content.isTextual()) return List.of(RecordedMessage.of(role, text(content)));
        List<RecordedMessage> results = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<RecordedToolCall> calls = new ArrayList<>();
        content.forEach(block -> {
            switch (block.path("type").asText()) {
                case "text" -> text.append(block.path("text").asText());
                case "tool_use" -> calls.add(new RecordedToolCall(block.path("id").asText(),
                        block.path("name").asText(), write(block.path("input"))));
                case "tool_result" -> results.add(RecordedMessage.toolResult(block.path("tool_use_id").asText(),
                        text(block.get("content"))));
                default -> { }
            }
        });
        if (!text.isEmpty() || !calls.isEmpty() || results.isEmpty()) {
            results.add(new RecordedMessage(role, text.toString(), calls, Optional.empty()));
        }
        return results;
    }

    @Override
    protected String completeJson(RecordedRequest request, ScriptedReply.Answer answer, String id) {
        ObjectNode response = message(request, id, answer.inputTokens(), answer.outputTokens());
        ArrayNode content = response.putArray("content");
        if (!answer.text().isEmpty()) content.addObject().put("type", "text").put("text", answer.text());
        answer.toolCalls().forEach(call -> content.addObject().put("type", "tool_use").put("id", call.id())
                .put("name", call.name()).set("input", parse(call.argumentsJson())));
        response.put("stop_reason", stopReason(answer));
        return write(response);
    }

    @Override
    protected List<SseEvent> streamEvents(RecordedRequest request, ScriptedReply.Answer answer, String id) {
        List<SseEvent> events = new ArrayList<>();
        events.add(messageStart(request, id, answer.inputTokens()));
        int index = 0;
        if (!answer.text().isEmpty()) {
            events.addAll(textBlock(index++, answer.text()));
            events.add(event("content_block_stop", object().put("index", index - 1)));
        }
        for (ScriptedToolCall call : answer.toolCalls()) {
            ObjectNode block = object().put("type", "tool_use").put("id", call.id()).put("name", call.name());
            block.putObject("input");
            events.add(event("content_block_start", object().put("index", index).set("content_block", block)));
            for (String fragment : fragments(call.argumentsJson())) {
                ObjectNode delta = object().put("type", "input_json_delta").put("partial_json", fragment);
                events.add(event("content_block_delta", object().put("index", index).set("delta", delta)));
            }
            events.add(event("content_block_stop", object().put("index", index)));
            index++;
        }
        ObjectNode messageDelta = object();
        messageDelta.putObject("delta").put("stop_reason", stopReason(answer)).putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", answer.outputTokens());
        events.add(event("message_delta", messageDelta));
        events.add(event("message_stop", object()));
        return events;
    }

    @Override
    protected List<SseEvent> brokenStreamEvents(RecordedRequest request, String partialText, String id) {
        List<SseEvent> events = new ArrayList<>();
        events.add(messageStart(request, id, 10));
        events.addAll(textBlock(0, partialText));
        return events;
    }

    @Override
    protected String errorBody(int status, String message) {
        String type = switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> "api_error";
        };
        ObjectNode error = object().put("type", "error");
        error.putObject("error").put("type", type).put("message", message);
        return write(error);
    }

    @Override
    protected String responseId(int sequence) {
        return "msg_scripted_" + sequence;
    }

    private static SseEvent messageStart(RecordedRequest request, String id, int inputTokens) {
        ObjectNode message = message(request, id, inputTokens, 1);
        message.putArray("content");
        message.putNull("stop_reason");
        return event("message_start", object().set("message", message));
    }

    private static List<SseEvent> textBlock(int index, String text) {
        List<SseEvent> events = new ArrayList<>();
        ObjectNode block = object().put("type", "text").put("text", "");
        events.add(event("content_block_start", object().put("index", index).set("content_block", block)));
        for (String piece : pieces(text)) {
            ObjectNode delta = object().put("type", "text_delta").put("text", piece);
            events.add(event("content_block_delta", object().put("index", index).set("delta", delta)));
        }
        return events;
    }

    private static ObjectNode message(RecordedRequest request, String id, int inputTokens, int outputTokens) {
        ObjectNode message = object().put("id", id).put("type", "message").put("role", "assistant")
                .put("model", request.model().isEmpty() ? "scripted-model" : request.model());
        message.putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", outputTokens);
        return message;
    }

    /** Anthropic repeats the event name as the data's {@code type}. */
    private static SseEvent event(String name, ObjectNode data) {
        return new SseEvent(name, write(object().put("type", name).setAll(data)));
    }

    private static String stopReason(ScriptedReply.Answer answer) {
        return answer.callsTools() ? "tool_use" : "end_turn";
    }
}
