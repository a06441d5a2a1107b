package io.intelligencecrm.agent.offline;

import io.intelligencecrm.agent.offline.language.RecordMention;
import io.intelligencecrm.agent.offline.language.Span;
import io.intelligencecrm.agent.offline.language.When;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Logging a call, meeting, note, email or text on a contact's timeline, from however it was said:
 * "log meeting w/ jane park tmrw 3pm re: onboarding", "just got off the phone with priya, she needs a
 * quote", "note on Jane: prefers email". The kind comes from its word, the time from any day or time
 * said, the content from what follows a colon, "re", "about" or a comma after the name.
 */
final class InteractionFrame {
    private static final Pattern COMMAND = Pattern.compile("(?i)^\\s*(?:please\\s+)?(?:log|record|add|jot\\s+down|note|write\\s+down|"
            + "i\\s+just|just|i|we|had|did|got\\s+off)\\b");
    private static final Pattern TYPE_WORDS = Pattern.compile("(?i)(?<![\\w'])(?:log(?:ged)?|record(?:ed)?|add(?:ed)?|jot\\s+down|"
            + "(?:a|an)\\s+(?:quick\\s+)?(?:call|meeting|note|email|text|sms)|with|w/|w|to|on|for|just|i|we|had|did|got\\s+off"
            + "(?:\\s+(?:the|a))?(?:\\s+(?:phone|call))?|quick)(?![\\w'])");

    private InteractionFrame() {
    }

    static Part log(Reading reading) {
        String type = type(reading);
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("type", type);
        Span contactSpan = reading.mentionSpan(RecordMention.CONTACT);
        Words.Content said = Words.contentAfter(reading.text(), contactSpan == null ? 0 : contactSpan.end());
        int contentStart = said == null ? reading.text().length() : said.start();
        // A day inside the free text ("back from leave on the 3rd") is what was said, not when it happened.
        Optional<Span> when = reading.scan().of(Span.Kind.WHEN).stream().filter(span -> span.as(When.class).date() != null)
                .filter(span -> span.start() < contentStart || said != null && said.topic() && span.start() == contentStart).findFirst();
        String who = contactSpan != null ? null : NameWords.guess(reading, COMMAND, Span.Kind.WHEN, Span.Kind.INTERACTION_TYPE,
                Span.Kind.EMAIL, Span.Kind.PHONE);
        who = who == null ? null : TYPE_WORDS.matcher(who).replaceAll(" ").replaceAll("\\s{2,}", " ").strip();
        Target target = ContactFrames.contact(reading, who);
        arguments.put("content", content(reading, type, contactSpan, when.orElse(null), target));
        when.ifPresent(span -> arguments.put("occurredAt", occurredAt(span.as(When.class))));
        if (target instanceof Target.Missing) {
            List<List<RecordMention>> companies = reading.mentions(RecordMention.COMPANY);
            if (!companies.isEmpty()) {
                Action action = Action.of("log interactions", RecordMention.CONTACT, "logInteraction", "contactId", arguments);
                return new Part.Question("Whom at " + companies.getFirst().getFirst().name() + " was it with? I log "
                        + kindWord(type) + "s on a contact.", List.of(), RecordMention.CONTACT, action::chosen);
            }
        }
        return Action.of("log interactions", RecordMention.CONTACT, "logInteraction", "contactId", arguments)
                .part(target, "Whom was the " + kindWord(type) + " with? Give me their name.");
    }

    private static String type(Reading reading) {
        List<Span> kinds = reading.scan().of(Span.Kind.INTERACTION_TYPE);
        String lower = reading.lower();
        if (lower.matches("(?s).*\\b(?:note|jot|write\\s+down|memo)\\b.*") && !lower.matches("(?s)^\\s*(?:log\\s+)?(?:a\\s+)?"
                + "(?:call|meeting|mtg)\\b.*")) {
            return "note";
        }
        return kinds.isEmpty() ? "note" : kinds.getFirst().as(String.class);
    }

    private static String kindWord(String type) {
        return switch (type) {
            case "sms" -> "text";
            default -> type;
        };
    }

    /** What happened, in the user's words; "Call with Jane Doe" when nothing more was said. */
    private static String content(Reading reading, String type, Span contact, Span when, Target target) {
        String text = reading.text();
        int from = contact != null ? contact.end() : 0;
        Words.Content said = Words.contentAfter(text, from);
        if (said == null && contact != null) said = Words.contentAfter(text, 0);
        if (said != null && contact != null && said.start() <= contact.start()) said = null;
        String content = said == null ? "" : said.text();
        if (when != null && content.toLowerCase(Locale.ROOT).equals(when.text().toLowerCase(Locale.ROOT))) content = "";
        if (!content.isEmpty()) {
            return said.topic() ? Words.sentence(kindWord(type)) + " about " + content : content;
        }
        String name = target instanceof Target.Known known && known.name() != null ? known.name()
                : contact != null ? contact.text() : "the contact";
        return Words.sentence(kindWord(type)) + " with " + name;
    }

    private static String occurredAt(When when) {
        return when.iso();
    }
}
