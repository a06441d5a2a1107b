package io.intelligencecrm.outreach.mail;

import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.record.FieldReader;
import io.intelligencecrm.core.secret.SecretBox;
import java.util.List;
import java.util.Map;

/** Reads the mail-server fields several settings forms share: a port, text, a choice, and a password sealed for storage. */
public final class SettingsFields {
    private SettingsFields() {
    }

    /** A port from 1 to 65535, or null to clear it; anything else is a field error, never a crash. */
    public static void port(Map<String, Object> body, Violations violations, Map<String, Object> values, String field) {
        if (!body.containsKey(field)) return;
        Object port = body.get(field);
        violations.check(port == null || port instanceof Number n && n.intValue() >= 1 && n.intValue() <= 65535,
                field, "must be a port from 1 to 65535");
        values.put(field, port instanceof Number n ? n.intValue() : null);
    }

    /** Text of at most {@code max} characters, when the form sent the field. */
    public static void text(FieldReader reader, Map<String, Object> values, String field, int max) {
        if (reader.has(field)) values.put(field, reader.text(field, max));
    }

    /** One of the allowed words (listed in the message in this order); anything else is a field error. */
    public static void choice(Map<String, Object> body, Violations violations, Map<String, Object> values, String field,
                              List<String> allowed) {
        if (!body.containsKey(field)) return;
        Object value = body.get(field);
        violations.check(value instanceof String s && allowed.contains(s), field,
                "must be one of " + String.join(", ", allowed));
        values.put(field, value);
    }

    /** A password sealed with the box; an empty one (or null) removes the stored one. */
    public static void sealed(Map<String, Object> body, Violations violations, Map<String, Object> values, String field,
                              SecretBox box) {
        if (!body.containsKey(field)) return;
        Object value = body.get(field);
        violations.check(value == null || value instanceof String s && s.length() <= 1000, field,
                "must be text of at most 1000 characters");
        values.put(field, value instanceof String s && !s.isEmpty() ? box.seal(s) : null);
    }
}
