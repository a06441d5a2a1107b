package io.intelligencecrm.agent.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A few records and what the records matcher would say a message names among them, for the planner's
 * tests: a whole name, a first or last name alone, an email, a company name's first word.
 */
final class Directory {
    record Entry(String kind, UUID id, String name, String email, String company, String detail) {
    }

    private final List<Entry> entries = new ArrayList<>();

    Entry contact(String name, String email, String company) {
        return add(new Entry("contact", UUID.randomUUID(), name, email, company, "lead"));
    }

    Entry company(String name) {
        return add(new Entry("company", UUID.randomUUID(), name, null, null, null));
    }

    Entry deal(String name, String stage) {
        return add(new Entry("deal", UUID.randomUUID(), name, null, null, stage));
    }

    Entry member(String name, String email) {
        return add(new Entry("member", UUID.randomUUID(), name, email, null, "rep"));
    }

    private Entry add(Entry entry) {
        entries.add(entry);
        return entry;
    }

    UUID idOf(String name) {
        return entries.stream().filter(entry -> entry.name().equals(name)).map(Entry::id).findFirst().orElseThrow();
    }

    /** The matchRecords result for the text, as the planner reads it. */
    String match(String text) {
        List<Map<String, Object>> matches = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Entry entry : entries) {
            String name = entry.name().toLowerCase(Locale.ROOT);
            int at = find(lower, name);
            double score = 1;
            int length = name.length();
            if (at < 0 && entry.email() != null) {
                at = find(lower, entry.email());
                length = entry.email().length();
            }
            if (at < 0) {
                for (String part : name.split("[ -]+")) {
                    if (part.length() < 3 || part.matches("corporation|inc|ltd|labs|systems")) continue;
                    at = find(lower, part);
                    if (at >= 0) {
                        length = part.length();
                        score = 0.7;
                        break;
                    }
                }
            }
            if (at < 0) continue;
            Map<String, Object> match = new LinkedHashMap<>();
            match.put("text", text.substring(at, at + length));
            match.put("start", at);
            match.put("end", at + length);
            match.put("kind", entry.kind());
            match.put("id", entry.id().toString());
            match.put("name", entry.name());
            match.put("score", score);
            match.put("email", entry.email());
            match.put("company", entry.company());
            match.put("detail", entry.detail());
            matches.add(match);
        }
        return OfflineConversations.json(Map.of("matches", matches));
    }

    private static int find(String text, String words) {
        Matcher matcher = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(words) + "(?![\\p{L}])").matcher(text);
        return matcher.find() ? matcher.start() : -1;
    }
}
