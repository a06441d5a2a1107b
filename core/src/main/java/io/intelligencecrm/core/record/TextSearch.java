package io.intelligencecrm.core.record;

import java.util.ArrayList;
import java.util.List;

/** Splits free text into words for LIKE matching, with LIKE's wildcards escaped. */
public final class TextSearch {
    private static final int MAX_WORDS = 8;

    private TextSearch() {
    }

    public static List<String> words(String q) {
        if (q == null || q.isBlank()) return List.of();
        List<String> words = new ArrayList<>();
        for (String word : q.toLowerCase().trim().split("\\s+")) {
            if (!word.isEmpty() && words.size() < MAX_WORDS) words.add(word);
        }
        return words;
    }

    /** A LIKE pattern (escape character: backslash) matching text that contains the word. */
    public static String contains(String word) {
        return "%" + escaped(word) + "%";
    }

    /** A LIKE pattern (escape character: backslash) matching text that starts with the word. */
    public static String startsWith(String word) {
        return escaped(word) + "%";
    }

    private static String escaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
