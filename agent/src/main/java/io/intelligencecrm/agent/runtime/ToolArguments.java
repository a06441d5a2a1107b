package io.intelligencecrm.agent.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.intelligencecrm.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the JSON arguments a model sent with a tool call, for comparison, audit and display. */
final class ToolArguments {
    private static final ObjectMapper SORTED = Json.mapper().copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final int AUDIT_VALUE_LENGTH = 2000;

    private ToolArguments() {
    }

    static Map<String, Object> parse(String json) {
        if (json == null || json.isBlank()) return Map.of();
        try {
            Map<String, Object> parsed = SORTED.readValue(json, MAP);
            return parsed == null ? Map.of() : parsed;
        } catch (JsonProcessingException e) {
            return Map.of("unparsed", json);
        }
    }

    /** The same tool with the same arguments, in any key order, gives the same signature. */
    static String signature(String tool, String json) {
        try {
            return tool + SORTED.writeValueAsString(parse(json));
        } catch (JsonProcessingException e) {
            return tool + json;
        }
    }

    /** The arguments for the audit log, long values shortened. */
    static Map<String, Object> forAudit(String json) {
        Map<String, Object> audit = new LinkedHashMap<>();
        parse(json).forEach((name, value) -> {
            String text = value instanceof String s ? s : null;
            audit.put(name, text != null && text.length() > AUDIT_VALUE_LENGTH
                    ? text.substring(0, AUDIT_VALUE_LENGTH) + "…" : value);
        });
        return audit;
    }
}
