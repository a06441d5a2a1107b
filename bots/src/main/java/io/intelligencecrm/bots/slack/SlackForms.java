package io.intelligencecrm.bots.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.text.NulCharacters;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reading Slack's request bodies: JSON for events, form fields for commands and button clicks. A NUL
 * in a field is dropped (it cannot be stored; the signature was checked on the raw body).
 */
final class SlackForms {
    private SlackForms() {
    }

    static Map<String, String> fields(String body) {
        Map<String, String> fields = new HashMap<>();
        if (body == null || body.isBlank()) return fields;
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                fields.put(NulCharacters.strip(URLDecoder.decode(name, StandardCharsets.UTF_8)),
                        NulCharacters.strip(URLDecoder.decode(value, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                // A malformed field is ignored; the signature check decides whether the request counts at all.
            }
        }
        return fields;
    }

    /** The body as JSON; a missing node when it is not JSON. */
    static JsonNode json(String body) {
        if (body == null || body.isBlank()) return MissingNode.getInstance();
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** A text field, or null when absent or empty. */
    static String text(JsonNode node, String field) {
        String value = NulCharacters.strip(node.path(field).asText(""));
        return value.isEmpty() ? null : value;
    }
}
