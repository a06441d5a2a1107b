package io.intelligencecrm.agent.offline;

import io.intelligencecrm.agent.offline.language.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message calls a record when no record of the tenant matched it: the words left once the
 * command, the values and the free text are taken out ("move Nobody Known to customer" -> "Nobody
 * Known"). Used to say plainly that nothing matches, or to look the record up without the matcher.
 */
final class NameWords {
    private static final Pattern FILLER = Pattern.compile("(?i)(?<![\\w'])(?:please|pls|can\\s+you|could\\s+you|i\\s+just|i|just"
            + "|we|the|a|an|my|our|to|as|for|with|w/|on|about|re|of|is|now|it|that|this|contact|person|lead|deal|opportunity"
            + "|record|details|info|stage|status|'s|’s|s)(?![\\w'])");
    private static final Pattern TAIL = Pattern.compile("(?i)\\s*(?::|\\s-\\s|,|\\bre:?\\s|\\babout\\b|\\bregarding\\b|\\bbecause\\b"
            + "|\\bsince\\b).*$");

    private NameWords() {
    }

    /** The words left after the command pattern, the given value kinds and the free text are removed. */
    static String guess(Reading reading, Pattern command, Span.Kind... kinds) {
        List<Span> values = new ArrayList<>();
        for (Span.Kind kind : kinds) values.addAll(reading.scan().of(kind));
        String rest = reading.scan().without(values);
        Matcher head = command.matcher(rest);
        if (head.find()) rest = rest.substring(0, head.start()) + " " + rest.substring(head.end());
        rest = TAIL.matcher(rest.strip()).replaceFirst("");
        rest = FILLER.matcher(rest).replaceAll(" ");
        return Words.tidy(rest.replaceAll("[?!.]", " "));
    }
}
