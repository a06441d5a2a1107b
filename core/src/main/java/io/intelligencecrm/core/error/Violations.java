package io.intelligencecrm.core.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects every invalid field of an input before failing, so a client fixes all of them at
 * once. Not thread-safe: one per validation.
 */
public final class Violations {
    private final Map<String, String> errors = new LinkedHashMap<>();

    public Violations add(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    public Violations check(boolean ok, String field, String message) {
        if (!ok) add(field, message);
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public void throwIfAny() {
        if (errors.isEmpty()) return;
        String summary = errors.size() == 1
                ? errors.keySet().iterator().next() + ": " + errors.values().iterator().next()
                : errors.size() + " fields are invalid";
        throw new CrmException(ErrorCode.VALIDATION, summary, errors);
    }
}
