package io.intelligencecrm.agent.offline.intent;

import io.intelligencecrm.agent.offline.language.RecordMention;
import io.intelligencecrm.agent.offline.language.Span;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names and addresses say nothing about what a message asks for, yet they pull its embedding
 * towards whatever they resemble ("Priya" is no greeting). Before a message is embedded, the records
 * it names and its emails and phone numbers are replaced by the same stand-ins the bank's
 * placeholders become.
 */
public final class Masking {
    private static final Map<String, String> FILLERS = Map.of(
            "contact", "Jane Doe",
            "company", "Acme",
            "deal", "Acme renewal",
            "member", "Sam",
            "email", "jane@acme.com",
            "phone", "555 0100",
            "domain", "acme.com");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private Masking() {
    }

    static String fillPlaceholders(String example) {
        Matcher matcher = PLACEHOLDER.matcher(example);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String filler = FILLERS.get(matcher.group(1));
            if (filler == null) throw new IllegalStateException("unknown placeholder {" + matcher.group(1) + "} in: " + example);
            matcher.appendReplacement(filled, Matcher.quoteReplacement(filler));
        }
        return matcher.appendTail(filled).toString();
    }

    /** The text with each record, email, phone and domain span replaced by its stand-in. */
    public static String mask(String text, List<Span> spans) {
        StringBuilder masked = new StringBuilder(text);
        List<Span> replaced = spans.stream().filter(span -> filler(span) != null)
                // A team member's address is the member ("assign Ben to sam@…"), so a record wins over the bare address.
                .sorted(Comparator.comparingInt(Span::start).reversed()
                        .thenComparing(span -> outranksAddress(span) ? 0 : 1)).toList();
        int limit = Integer.MAX_VALUE;
        for (Span span : replaced) {
            if (span.end() > limit) continue;
            masked.replace(span.start(), span.end(), filler(span));
            limit = span.start();
        }
        return masked.toString();
    }

    /** A team member, or a record the words name exactly (an existing contact's own address). */
    private static boolean outranksAddress(Span span) {
        return span.kind() == Span.Kind.RECORD && (RecordMention.MEMBER.equals(span.as(RecordMention.class).kind())
                || span.as(RecordMention.class).exact());
    }

    private static String filler(Span span) {
        return switch (span.kind()) {
            case EMAIL -> FILLERS.get("email");
            case PHONE -> FILLERS.get("phone");
            case DOMAIN -> FILLERS.get("domain");
            case RECORD -> FILLERS.get(span.as(RecordMention.class).kind());
            default -> null;
        };
    }
}
