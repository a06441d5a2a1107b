package io.intelligencecrm.web.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.intelligencecrm.agent.chat.AgentEvent;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.web.markdown.ChatMarkdown;
import java.util.LinkedHashMap;
import java.util.Map;

/** One agent event as the JSON every chat channel sends: {@code {"type": "...", ...fields}}. */
final class EventJson {
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };
    private EventJson() {
    }

    static Map<String, Object> of(AgentEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", event.type());
        json.putAll(Json.mapper().convertValue(event, FIELDS));
        // Browsers show the answer as HTML rendered and sanitized here, never by the page itself.
        if (event instanceof AgentEvent.Final answer) json.put("html", ChatMarkdown.toHtml(answer.text()));
        return json;
    }

    static String text(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable", e);
        }
    }
}
