package io.intelligencecrm.core.match;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How completely a span names a record, word by word: each word of the name counts with its best
 * match in the span (1 when equal, 0.9 when one is a prefix of the other, less per typo), divided by
 * the larger word count, so "jane park" names Jane Park (1.0), "jane prk" nearly (0.875), "jane"
 * half of her (0.5). Unmatched legal-form words ("Inc", "Corporation") do not count, and any legal
 * form matches any other.
 */
final class NameSimilarity {
    private static final Set<String> OPTIONAL = Set.of("inc", "ltd", "llc", "llp", "plc", "corp", "corporation", "co",
            "company", "gmbh", "ag", "sa", "sas", "bv", "nv", "pty", "limited", "incorporated", "group", "the", "of",
            "and");
    /** Any legal form stands for any other: "Corp" names "Corporation", "Inc" names "Incorporated". */
    private static final Set<String> LEGAL_FORMS = Set.of("inc", "ltd", "llc", "llp", "plc", "corp", "corporation",
            "co", "company", "gmbh", "ag", "sa", "sas", "bv", "nv", "pty", "limited", "incorporated");
    private static final double PREFIX = 0.9;
    private static final double MIN_WORD = 0.6;

    private NameSimilarity() {
    }

    static double score(String span, String name) {
        List<String> spanWords = words(span);
        List<String> nameWords = words(name);
        if (spanWords.isEmpty() || nameWords.isEmpty()) return 0;
        double matched = 0;
        int counted = 0;
        for (String word : nameWords) {
            double best = 0;
            for (String typed : spanWords) best = Math.max(best, wordScore(typed, word));
            matched += best;
            if (best > 0 || !OPTIONAL.contains(word)) counted++;
        }
        return matched / Math.max(Math.max(counted, 1), spanWords.size());
    }

    private static double wordScore(String typed, String word) {
        if (typed.equals(word) || (LEGAL_FORMS.contains(typed) && LEGAL_FORMS.contains(word))) return 1;
        String shorter = typed.length() <= word.length() ? typed : word;
        String longer = shorter == typed ? word : typed;
        if (shorter.length() >= 3 && longer.startsWith(shorter)) return PREFIX;
        double similar = 1 - (double) distance(typed, word) / longer.length();
        return similar >= MIN_WORD ? similar : 0;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    /** Levenshtein distance; names are short, so the plain two-row table is enough. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
