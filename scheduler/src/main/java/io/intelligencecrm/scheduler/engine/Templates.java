package io.intelligencecrm.scheduler.engine;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{path.to.value}}} placeholders from the run's variables: {@code record} (the
 * triggering contact or deal), {@code owner}, {@code event}, {@code steps.<id>.<output>} and
 * {@code workflow}. Unknown paths become empty text, never an error mid-run.
 */
public final class Templates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

    private Templates() {
    }

    public static String render(String template, Map<String, Object> variables) {
        if (template == null) return null;
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = lookup(variables, matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The value at a dotted path; list elements by index ({@code event.changes.score.1}). */
    public static Object lookup(Map<String, Object> variables, String path) {
        Object current = variables;
        for (String part : path.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(part);
            } else if (current instanceof List<?> list && part.matches("\\d+")) {
                int index = Integer.parseInt(part);
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }
}
