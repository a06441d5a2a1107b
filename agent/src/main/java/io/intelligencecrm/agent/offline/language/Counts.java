package io.intelligencecrm.agent.offline.language;

import java.util.Locale;
import java.util.Map;

/** Small counts in words or digits: "a", "two", "a couple of", "a few", "3". */
final class Counts {
    static final String WORDS = "\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|a\\s+couple(?:\\s+of)?|couple(?:\\s+of)?|a\\s+few|few|several";
    private static final Map<String, Integer> VALUES = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("couple", 2), Map.entry("few", 3),
            Map.entry("several", 3));

    private Counts() {
    }

    static int value(String words) {
        String word = words.toLowerCase(Locale.ROOT).replaceAll("\\s+of$", "").replaceAll("^a\\s+", "").strip();
        if (word.matches("\\d+")) return Integer.parseInt(word);
        if (word.isEmpty()) return 1;
        Integer value = VALUES.get(word);
        if (value == null) throw new IllegalArgumentException("not a count: " + words);
        return value;
    }

    /** Days in a unit said in words: day, week, month, year (and their shorthands). */
    static int days(String unit) {
        String word = unit.toLowerCase(Locale.ROOT);
        if (word.startsWith("d")) return 1;
        if (word.startsWith("w") || word.startsWith("fortnight")) return word.startsWith("fortnight") ? 14 : 7;
        if (word.startsWith("y")) return 365;
        return 30;
    }
}
