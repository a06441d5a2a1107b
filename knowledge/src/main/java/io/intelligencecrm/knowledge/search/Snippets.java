package io.intelligencecrm.knowledge.search;

import java.util.Locale;

/** A short passage of a chunk, centred on the first query word it contains. */
final class Snippets {
    static final int LENGTH = 280;

    private Snippets() {
    }

    static String of(String text, String query) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= LENGTH) return flat;
        String lower = flat.toLowerCase(Locale.ROOT);
        int at = -1;
        for (String word : query.toLowerCase(Locale.ROOT).split("\\W+")) {
            if (word.length() < 3) continue;
            at = lower.indexOf(word);
            if (at >= 0) break;
        }
        int start = Math.max(0, Math.min(at < 0 ? 0 : at - LENGTH / 3, flat.length() - LENGTH));
        String cut = flat.substring(start, Math.min(flat.length(), start + LENGTH));
        return (start > 0 ? "…" : "") + cut + (start + LENGTH < flat.length() ? "…" : "");
    }
}
