package io.intelligencecrm.agent.offline;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text chores the frames share: tidying leftovers, casing names, finding what follows a marker. */
final class Words {
    /** Where free text starts: "log a call with Jane: discussed pricing", "... re: onboarding", "... about the renewal". */
    private static final Pattern CONTENT = Pattern.compile("(?i)(?<colon>\\s*:\\s*|\\s+[-–—]\\s+|\\s*;\\s*)"
            + "|(?<about>\\s+(?:re:?|about|regarding|concerning|on\\s+the\\s+topic\\s+of|to\\s+(?:discuss|talk\\s+about|go\\s+over)"
            + "|discussing|discussed|talked\\s+about|went\\s+over)\\s+)|(?<comma>\\s*,\\s*)");
    private static final Pattern EDGE_FILLER = Pattern.compile("(?i)^(?:[\\s,.;:!?-]|and\\b|then\\b|also\\b|please\\b|pls\\b)+"
            + "|(?:[\\s,;:-]|\\band\\b|\\bplease\\b|\\bpls\\b|\\bthanks\\b|\\bthx\\b)+$");

    /** Free text after a marker: what was said, and whether it was introduced by "about"/"re". */
    record Content(String text, boolean topic, int start) {
    }

    private Words() {
    }

    /** The free text after the first marker at or after {@code from}; null when there is none. */
    static Content contentAfter(String text, int from) {
        Matcher matcher = CONTENT.matcher(text);
        int at = Math.max(0, from);
        while (matcher.find(at)) {
            String rest = text.substring(matcher.end()).strip();
            if (!rest.isEmpty()) return new Content(tidy(rest), matcher.group("about") != null, matcher.end());
            at = matcher.end();
            if (at >= text.length()) break;
        }
        return null;
    }

    /** Leading and trailing connectors and punctuation off; inner spaces single. */
    static String tidy(String text) {
        String result = text.replaceAll("\\s{2,}", " ").strip();
        String previous;
        do {
            previous = result;
            result = EDGE_FILLER.matcher(result).replaceAll("").strip();
        } while (!result.equals(previous));
        return result.replaceAll("[.!?]+$", "").strip();
    }

    /** "jane" and "JANE" become "Jane"; "McKay" and "van der Berg" keep their own casing. */
    static String capitalised(String word) {
        if (word.isEmpty()) return word;
        String cased = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT)) ? word.toLowerCase(Locale.ROOT) : word;
        if (cased.matches("(?i)van|von|der|den|de|da|di|del|la|le|bin|al")) return cased.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        boolean start = true;
        for (char c : cased.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == '-' || c == '\'';
        }
        return out.toString();
    }

    static String sentence(String text) {
        String tidy = tidy(text);
        return tidy.isEmpty() ? tidy : Character.toUpperCase(tidy.charAt(0)) + tidy.substring(1);
    }
}
