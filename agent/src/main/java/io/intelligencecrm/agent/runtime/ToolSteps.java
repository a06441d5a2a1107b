package io.intelligencecrm.agent.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tool call as a person reads it in the chat: "Looked up contacts: acme", "Drafted an email", with
 * the arguments as plain "Field: value" details. Tool names and record ids never show: ids are for
 * the model, and the records they name appear as links in the tables and cards.
 */
final class ToolSteps {
    private static final Pattern UUID_LIKE = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int SUBJECT_LENGTH = 60;
    private static final int DETAILS_LENGTH = 240;
    /** The tool name's first word and how the step reads in the past tense. */
    private static final Map<String, String> VERBS = Map.ofEntries(
            Map.entry("search", "Looked up"), Map.entry("find", "Looked up"), Map.entry("list", "Looked up"),
            Map.entry("get", "Looked up"), Map.entry("read", "Looked up"), Map.entry("create", "Added"),
            Map.entry("update", "Updated"), Map.entry("assign", "Assigned"), Map.entry("change", "Changed"),
            Map.entry("move", "Moved"), Map.entry("delete", "Asked to delete"), Map.entry("draft", "Drafted"),
            Map.entry("propose", "Asked your approval to"), Map.entry("log", "Logged"), Map.entry("complete", "Completed"),
            Map.entry("mark", "Marked"), Map.entry("explain", "Explained"), Map.entry("answer", "Answered"),
            Map.entry("pause", "Paused"), Map.entry("bulk", "Prepared a bulk"), Map.entry("score", "Scored"));
    private static final Set<String> ARTICLED = Set.of("create", "draft", "log");
    /** Arguments that say what a step was about, most telling first. */
    private static final List<String> SUBJECTS = List.of("query", "question", "name", "fullName", "email", "subject",
            "title", "companyName", "stage", "period");

    private ToolSteps() {
    }

    /** The step in words: a verb in the past tense, what it acted on, and its subject where one is given. */
    static String line(String tool, Map<String, Object> arguments) {
        List<String> words = words(tool);
        String verb = VERBS.get(words.getFirst());
        String rest = String.join(" ", verb == null ? words : words.subList(1, words.size()));
        String step = verb == null ? "Looked up " + rest : rest.isEmpty() ? verb : verb + " " + article(words, rest);
        String subject = subject(arguments);
        return subject == null ? step : step + ": " + subject;
    }

    /** The arguments as "Field: value" pairs, ids and empty values left out. */
    static String details(Map<String, Object> arguments) {
        List<String> parts = new ArrayList<>();
        arguments.forEach((name, value) -> {
            String shown = shown(name, value);
            if (shown != null) parts.add(label(name) + ": " + shown);
        });
        return shortened(String.join(" · ", parts), DETAILS_LENGTH);
    }

    private static String subject(Map<String, Object> arguments) {
        Object first = arguments.get("firstName");
        Object last = arguments.get("lastName");
        if (first instanceof String || last instanceof String) {
            String name = ((first instanceof String f ? f : "") + " " + (last instanceof String l ? l : "")).strip();
            if (!name.isEmpty()) return shortened(name, SUBJECT_LENGTH);
        }
        for (String key : SUBJECTS) {
            String shown = shown(key, arguments.get(key));
            if (shown != null) return shortened(shown, SUBJECT_LENGTH);
        }
        return null;
    }

    /** The value as a person reads it, or null when it is empty or only an id. */
    private static String shown(String name, Object value) {
        if (value == null || isIdName(name)) return null;
        if (value instanceof Collection<?> values) {
            if (values.isEmpty()) return null;
            boolean ids = values.stream().allMatch(item -> item instanceof String text && UUID_LIKE.matcher(text).matches());
            return ids ? values.size() + (values.size() == 1 ? " record" : " records") : shortened(values.toString(), SUBJECT_LENGTH);
        }
        if (value instanceof Map<?, ?> map) return map.isEmpty() ? null : map.size() + (map.size() == 1 ? " field" : " fields");
        String text = String.valueOf(value).replaceAll("\\s+", " ").strip();
        if (text.isEmpty() || UUID_LIKE.matcher(text).find()) return null;
        return text;
    }

    private static boolean isIdName(String name) {
        return name.equals("id") || name.endsWith("Id") || name.endsWith("Ids");
    }

    /** "Added a contact", "Drafted an email"; other verbs read well without an article. */
    private static String article(List<String> words, String rest) {
        if (!ARTICLED.contains(words.getFirst()) || words.getLast().endsWith("s")) return rest;
        return ("aeiou".indexOf(rest.charAt(0)) >= 0 ? "an " : "a ") + rest;
    }

    static String label(String name) {
        List<String> words = words(name);
        String text = String.join(" ", words);
        return text.isEmpty() ? name : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static List<String> words(String camel) {
        List<String> words = new ArrayList<>();
        for (String word : camel.split("(?<=[a-z0-9])(?=[A-Z])|_|\\s+")) {
            if (!word.isEmpty()) words.add(word.toLowerCase(Locale.ROOT));
        }
        return words.isEmpty() ? List.of(camel) : words;
    }

    private static String shortened(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
