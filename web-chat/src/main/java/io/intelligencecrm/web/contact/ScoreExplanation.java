package io.intelligencecrm.web.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a score's metadata (free-form JSON written by the scorer) into lines a person can read:
 * a summary sentence when there is one, then the factors or reasons it lists, else its plain facts.
 */
public final class ScoreExplanation {
    private static final List<String> SUMMARY_KEYS = List.of("rationale", "explanation", "summary", "reason");
    private static final List<String> LIST_KEYS = List.of("factors", "reasons", "drivers", "contributions", "features");

    private ScoreExplanation() {
    }

    public record Reading(String summary, List<String> lines) {
    }

    public static Reading read(Map<String, Object> metadata) {
        if (metadata == null || metadata.isEmpty()) return new Reading(null, List.of());
        String summary = null;
        for (String key : SUMMARY_KEYS) {
            if (metadata.get(key) instanceof String text && !text.isBlank()) {
                summary = text;
                break;
            }
        }
        List<String> lines = new ArrayList<>();
        for (String key : LIST_KEYS) {
            Object value = metadata.get(key);
            if (value instanceof List<?> items) items.stream().limit(10).forEach(item -> lines.add(line(item)));
            else if (value instanceof Map<?, ?> entries) entries.forEach((name, weight) -> lines.add(name + ": " + weight));
            if (!lines.isEmpty()) break;
        }
        if (lines.isEmpty()) {
            metadata.forEach((key, value) -> {
                if (!SUMMARY_KEYS.contains(key) && (value instanceof String || value instanceof Number || value instanceof Boolean)) {
                    lines.add(key + ": " + value);
                }
            });
        }
        return new Reading(summary, lines.stream().limit(10).toList());
    }

    private static String line(Object item) {
        if (item instanceof Map<?, ?> factor) {
            Object name = first(factor, "label", "name", "factor", "feature", "reason", "description");
            Object weight = first(factor, "effect", "impact", "weight", "points", "contribution", "value");
            if (name != null) return weight == null ? String.valueOf(name) : name + " (" + weight + ")";
            return factor.toString();
        }
        return String.valueOf(item);
    }

    private static Object first(Map<?, ?> map, String... keys) {
        for (String key : keys) if (map.get(key) != null) return map.get(key);
        return null;
    }
}
