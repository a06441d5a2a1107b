package io.intelligencecrm.core.text;

import io.intelligencecrm.core.error.CrmException;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL cannot store U+0000 in text or JSON, so a NUL in input would fail deep in a write (or
 * after a CSV export had started). Input from people and clients is refused where it enters, naming
 * the field; text from outside that nobody typed for us (mail, Slack, documents) loses its NULs instead.
 */
public final class NulCharacters {
    public static final String MESSAGE = "must not contain NUL characters (\\u0000)";

    private NulCharacters() {
    }

    public static boolean in(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** Throws a validation error naming the field when its text holds a NUL. */
    public static void reject(String field, String text) {
        if (in(text)) throw CrmException.invalid(printable(field), MESSAGE);
    }

    /** The same for every key and text value of a parsed JSON value, naming the field by its path. */
    public static void rejectIn(String field, Object json) {
        if (json instanceof String text) {
            reject(field, text);
        } else if (json instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String path = field == null ? String.valueOf(key) : field + "." + key;
                reject(path, String.valueOf(key));
                rejectIn(path, value);
            });
        } else if (json instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) rejectIn((field == null ? "" : field) + "[" + i + "]", list.get(i));
        }
    }

    /** Text with its NULs removed, for what arrives from outside and must not be lost for a NUL. */
    public static String strip(String text) {
        return in(text) ? text.replace("\u0000", "") : text;
    }

    /** A field name that itself holds a NUL, shown with the NUL escaped. */
    private static String printable(String field) {
        return field == null ? "body" : field.replace("\u0000", "\\u0000");
    }
}
