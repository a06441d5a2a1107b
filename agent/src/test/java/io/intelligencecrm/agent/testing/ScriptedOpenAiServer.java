package io.intelligencecrm.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Speaks OpenAI's Chat Completions API at {@code POST {basePath}/chat/completions}: JSON answers, or SSE chunks
 * ending in {@code data: [DONE]} when the request asks to stream. Serves vLLM-, LM Studio- and Ollama-style
 * clients too, which use the same format.
 */
public final class ScriptedOpenAiServer extends ScriptedModelServer {

    private final String basePath;

    public ScriptedOpenAiServer() {
        this("/v1");
    }

    public ScriptedOpenAiServer(String basePath) {
        super(basePath + "/chat/completions");
        this.basePath = basePath;
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + basePath;
    }

    @Override
    protected RecordedRequest record(String method, String path, Map<String, List<String>> headers, String rawBody,
                                     JsonNode body) {
        List<RecordedMessage> messages = new ArrayList<>();
        body.path("messages").forEach(message -> {
            List<RecordedToolCall> calls = new ArrayList<>();
            message.path("tool_calls").forEach(call -> calls.add(new RecordedToolCall(call.path("id").asText(),
                    call.path("function").path("name").asText(), call.path("function").path("arguments").asText())));
            Optional<String> toolCallId = message.hasNonNull("tool_call_id")
                    ? Optional.of(message.get("tool_call_id").asText()) : Optional.empty();
            messages.add(new RecordedMessage(message.path("role").asText(), text(message.get("content")), calls,
                    toolCallId));
        });
        List<String> toolNames = new ArrayList<>();
        body.path("tools").forEach(tool -> toolNames.add(tool.path("function").path("name").asText()));
        return new RecordedRequest(method, path, headers, rawBody, body, messages, toolNames);
    }

    @Override
    protected String completeJson(RecordedRequest request, ScriptedReply.Answer answer, String id) {
        ObjectNode message = object().put("role", "assistant");
        if (answer.text().isEmpty()) message.putNull("content");
        else message.put("content", answer.text());
        if (answer.callsTools()) {
            ArrayNode calls = message.putArray("tool_calls");
            answer.toolCalls().forEach(call -> calls.addObject().put("id", call.id()).put("type", "function")
                    .putObject("function").put("name", call.name()).put("arguments", call.argumentsJson()));
        }
        ObjectNode response = envelope(request, id, "chat.completion");
        response.putArray("choices").addObject().put("index", 0).<ObjectNode>set("message", message)
                .put("finish_reason", finishReason(answer));
        response.set("usage", usage(answer));
        return write(response);
    }

    @Override
    protected List<SseEvent> streamEvents(RecordedRequest request, ScriptedReply.Answer answer, String id) {
        List<SseEvent> events = new ArrayList<>(textChunks(request, answer.text(), id));
        for (int index = 0; index < answer.toolCalls().size(); index++) {
            ScriptedToolCall call = answer.toolCalls().get(index);
            ObjectNode opening = object().put("index", index).put("id", call.id()).put("type", "function");
            opening.putObject("function").put("name", call.name()).put("arguments", "");
            events.add(chunk(request, id, toolCallDelta(opening), null));
            for (String fragment : fragments(call.argumentsJson())) {
                ObjectNode piece = object().put("index", index);
                piece.putObject("function").put("arguments", fragment);
                events.add(chunk(request, id, toolCallDelta(piece), null));
            }
        }
        events.add(chunk(request, id, object(), finishReason(answer)));
        if (request.body().path("stream_options").path("include_usage").asBoolean(false)) {
            ObjectNode usageChunk = envelope(request, id, "chat.completion.chunk");
            usageChunk.putArray("choices");
            usageChunk.set("usage", usage(answer));
            events.add(new SseEvent(null, write(usageChunk)));
        }
        events.add(new SseEvent(null, "[DONE]"));
        return events;
    }

    @Override
    protected List<SseEvent> brokenStreamEvents(RecordedRequest request, String partialText, String id) {
        return textChunks(request, partialText, id);
    }

    @Override
    protected String errorBody(int status, String message) {
        String type = switch (status) {
            case 401 -> "invalid_api_key";
            case 429 -> "rate_limit_exceeded";
            case 404 -> "model_not_found";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
        ObjectNode error = object();
        error.putObject("error").put("message", message).put("type", type).putNull("param").put("code", type);
        return write(error);
    }

    @Override
    protected String responseId(int sequence) {
        return "chatcmpl-scripted-" + sequence;
    }

    private List<SseEvent> textChunks(RecordedRequest request, String text, String id) {
        List<SseEvent> events = new ArrayList<>();
        events.add(chunk(request, id, object().put("role", "assistant").put("content", ""), null));
        pieces(text).forEach(piece -> events.add(chunk(request, id, object().put("content", piece), null)));
        return events;
    }

    private static ObjectNode toolCallDelta(ObjectNode toolCall) {
        ObjectNode delta = object();
        delta.putArray("tool_calls").add(toolCall);
        return delta;
    }

    private static SseEvent chunk(RecordedRequest request, String id, ObjectNode delta, String finishReason) {
        ObjectNode chunk = envelope(request, id, "chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) choice.putNull("finish_reason");
        else choice.put("finish_reason", finishReason);
        return new SseEvent(null, write(chunk));
    }

    private static ObjectNode envelope(RecordedRequest request, String id, String objectType) {
        return object().put("id", id).put("object", objectType).put("created", System.currentTimeMillis() / 1000)
                .put("model", request.model().isEmpty() ? "scripted-model" : request.model());
    }

    private static String finishReason(ScriptedReply.Answer answer) {
        return answer.callsTools() ? "tool_calls" : "stop";
    }

    private static ObjectNode usage(ScriptedReply.Answer answer) {
        return object().put("prompt_tokens", answer.inputTokens()).put("completion_tokens", answer.outputTokens())
                .put("total_tokens", answer.inputTokens() + answer.outputTokens());
    }
}
