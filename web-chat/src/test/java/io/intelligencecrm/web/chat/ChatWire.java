package io.intelligencecrm.web.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intelligencecrm.agent.testing.RecordedRequest;
import io.intelligencecrm.agent.testing.ScriptedModelServer;
import io.intelligencecrm.agent.testing.ScriptedReply;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.web.testing.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the chat tests share: reading SSE and JSON turns, and scripting a model turn step by step. */
final class ChatWire {
    private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private ChatWire() {
    }

    /** One turn over {@code POST /api/chat} with {@code "stream": true}: the events, in the order they arrived. */
    static List<JsonNode> streamTurn(ApiClient client, String message, String conversationId) {
        ObjectNode body = request(message, conversationId).put("stream", true);
        ApiClient.Response response = client.post("/api/chat", body.toString());
        assertEquals(200, response.status(), response.body());
        assertTrue(response.header("Content-Type").startsWith("text/event-stream"), response.header("Content-Type"));
        List<JsonNode> events = new ArrayList<>();
        for (String frame : response.body().split("\n\n")) {
            if (frame.isBlank()) continue;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : frame.split("\n")) {
                if (line.startsWith("event: ")) name = line.substring(7);
                else if (line.startsWith("data: ")) data.append(line.substring(6));
            }
            JsonNode event = parse(data.toString());
            assertEquals(name, event.path("type").asText(), "the SSE event name matches its data's type");
            events.add(event);
        }
        return events;
    }

    /** One turn over {@code POST /api/chat} answered as one JSON document. */
    static JsonNode jsonTurn(ApiClient client, String message, String conversationId) {
        ApiClient.Response response = client.post("/api/chat", request(message, conversationId).toString());
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    static ObjectNode request(String message, String conversationId) {
        ObjectNode body = Json.mapper().createObjectNode().put("message", message);
        if (conversationId != null) body.put("conversationId", conversationId);
        return body;
    }

    static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.path("type").asText()).toList();
    }

    static JsonNode only(List<JsonNode> events, String type) {
        List<JsonNode> matching = events.stream().filter(event -> event.path("type").asText().equals(type)).toList();
        assertEquals(1, matching.size(), "one " + type + " event in " + types(events));
        return matching.getFirst();
    }

    static JsonNode last(List<JsonNode> events) {
        return events.getLast();
    }

    /** Answers the next requests with the steps in order: step n sees the n-th request of the turn. */
    @SafeVarargs
    static void script(ScriptedModelServer server, Function<RecordedRequest, ScriptedReply>... steps) {
        AtomicInteger next = new AtomicInteger();
        server.respondWith(request -> {
            int step = next.getAndIncrement();
            return step < steps.length ? steps[step].apply(request)
                    : ScriptedReply.error(500, "{\"error\": {\"message\": \"script exhausted\"}}");
        });
    }

    static Function<RecordedRequest, ScriptedReply> reply(ScriptedReply reply) {
        return request -> reply;
    }

    /** The result text the model received for a tool call; fails when it did not receive one. */
    static String toolResult(RecordedRequest request, String callId) {
        return request.toolResult(callId).orElseThrow(() -> new AssertionError("no result for " + callId + " in "
                + request.messages())).content();
    }

    /** The first {@code "id"} in a tool result, e.g. the contact a createContact call saved. */
    static String firstId(String toolResult) {
        Matcher matcher = FIRST_ID.matcher(toolResult);
        if (!matcher.find()) throw new AssertionError("no id in tool result: " + toolResult);
        return matcher.group(1);
    }

    static Optional<JsonNode> find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.path(field).asText().equals(value)) return Optional.of(item);
        }
        return Optional.empty();
    }

    static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
