package io.intelligencecrm.tools.proposal;

import io.intelligencecrm.core.error.CrmException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads stored proposal arguments (plain JSON values) back into typed values. */
final class Arguments {
    private Arguments() {
    }

    static String text(Map<String, Object> arguments, String name) {
        Object value = arguments.get(name);
        if (!(value instanceof String text) || text.isBlank()) throw CrmException.invalid(name, "is required");
        return text;
    }

    static UUID id(Map<String, Object> arguments, String name) {
        try {
            return UUID.fromString(text(arguments, name));
        } catch (IllegalArgumentException e) {
            throw CrmException.invalid(name, "must be an id");
        }
    }

    static List<UUID> ids(Map<String, Object> arguments, String name) {
        if (!(arguments.get(name) instanceof List<?> values) || values.isEmpty()) {
            throw CrmException.invalid(name, "give at least one id");
        }
        try {
            return values.stream().map(value -> UUID.fromString(String.valueOf(value))).distinct().toList();
        } catch (IllegalArgumentException e) {
            throw CrmException.invalid(name, "must all be ids");
        }
    }
}
