package io.intelligencecrm.agent.offline;

import io.intelligencecrm.agent.offline.intent.IntentBank;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "add Ben Ortega" is not about Ben Ortiz: when the words matched are only part of a record's name and
 * the next word looks like the rest of another name (a word that is neither in the record's name nor
 * an everyday word), the match is a namesake, not the record.
 */
final class Surnames {
    private static final Pattern NEXT = Pattern.compile("^[\\s]+([\\p{L}][\\p{L}'’-]*)");
    /** Words that follow a first name in a request without being a surname. */
    private static final Set<String> EVERYDAY = Set.of("a", "an", "the", "and", "or", "but", "at", "from", "of", "with", "about", "re", "to", "for", "on", "in", "is",
            "was", "are", "has", "had", "have", "said", "says", "wants", "wanted", "needs", "needed", "asked", "asks",
            "called", "rang", "emailed", "mailed", "texted", "replied", "signed", "will", "would", "can", "could",
            "should", "just", "again", "today", "tomorrow", "yesterday", "tonight", "now", "back", "too", "also", "then",
            "pls", "please", "thanks", "by", "before", "after", "next", "last", "this", "that", "there", "here", "who",
            "which", "whose", "when", "where", "why", "how", "what", "if", "as", "up", "out", "over", "into", "onto",
            "off", "loves", "liked", "likes", "agreed", "confirmed", "mentioned", "moved", "left", "joined", "went", "got",
            "gets", "wrote", "sent", "came", "comes", "did", "does", "do", "didn't", "doesn't", "isn't", "wasn't", "won't",
            "can't", "be", "been", "being", "not", "no", "yes", "ok", "okay", "so", "very", "really", "still", "already",
            "regarding", "via", "per", "than", "more", "less", "his", "her", "their", "its", "our", "my", "your", "deal",
            "deals", "contact", "account", "call", "meeting", "note", "email", "task", "stage", "customer", "lead",
            "qualified", "lost", "won", "negotiation", "proposal", "friday", "monday", "tuesday", "wednesday", "thursday",
            "saturday", "sunday", "morning", "afternoon", "evening", "week", "month", "quarter", "year", "pm", "am");

    private Surnames() {
    }

    /** The bank's words are everyday words of requests too ("take", "ask", "chase"). */
    private static final Set<String> BANK = IntentBank.bundled().words();

    static boolean followsPartOf(String text, int[] where, String recordName) {
        if (recordName == null || recordName.isBlank()) return false;
        String matched = text.substring(where[0], where[1]).toLowerCase(Locale.ROOT);
        String name = recordName.toLowerCase(Locale.ROOT);
        if (matched.contains(" ") || name.equals(matched) || !name.startsWith(matched)) return false;
        Matcher next = NEXT.matcher(text.substring(where[1]));
        if (!next.find()) return false;
        String word = next.group(1).toLowerCase(Locale.ROOT);
        return !EVERYDAY.contains(word) && !BANK.contains(word) && !name.contains(word) && word.length() > 1;
    }
}
