package io.intelligencecrm.agent.offline;

import io.intelligencecrm.agent.offline.language.RecordMention;
import io.intelligencecrm.agent.offline.language.Span;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Email: a draft for one contact (nothing sent), a send to one contact (a proposal the user approves),
 * one shared email to a group (a proposal), and drafts for several contacts.
 */
final class EmailFrames {
    private static final Pattern VERBS = Pattern.compile("(?i)^\\s*(?:please\\s+|pls\\s+|can\\s+you\\s+|could\\s+you\\s+)?(?:draft|write|"
            + "compose|prepare|send|shoot|drop|e-?mail|mail|ping|message|help\\s+me\\s+write)\\b");
    private static final Pattern KIND = Pattern.compile("(?i)^(?:(?:an?|the|quick|short|follow[- ]?up|e-?mail|note|message|line|intro(?:duction)?"
            + "|to|for)\\s+)+");

    /** "send Zora an email about the demo" asks for it to go out (approved first); "send her a draft" does not. */
    private static final Pattern SENDS = Pattern.compile("(?is)^\\s*(?:please\\s+|pls\\s+|can\\s+you\\s+|could\\s+you\\s+)?"
            + "(?:send|shoot|drop)\\b(?!.*\\b(?:drafts?|write|compose|prepare)\\b).*");

    private EmailFrames() {
    }

    static Part draft(Reading reading) {
        if (SENDS.matcher(reading.text()).matches()) return send(reading);
        String purpose = purpose(reading);
        return Action.of("draft emails", RecordMention.CONTACT, "draftEmail", "contactId", Map.of("purpose", purpose))
                .part(contact(reading), "Whom should the email go to? Give me their name.");
    }

    static Part send(Reading reading) {
        String purpose = purpose(reading);
        Action action = new Action("send emails", RecordMention.CONTACT, "draftEmail", "contactId", Map.of("purpose", purpose),
                List.of(new Plan.Step("proposeSendEmail", Map.of(), Map.of("contactId", "contactId", "subject", "subject",
                        "body", "body"))));
        return action.part(contact(reading), "Whom should I email? Give me their name.");
    }

    static Part group(Reading reading) {
        Plan plan = GroupEmailCommands.understand(reading.text(), reading.today());
        if (plan != null) return new Part.Steps(plan);
        return Part.Question.plain("Which group should the email go to, and what is it about? In offline mode I email a group narrowed "
                + "by a company, a stage, a country or your own contacts, for example \"email all my customers in Germany about the "
                + "webinar\".");
    }

    static Part bulk(Reading reading) {
        Plan plan = BulkCommands.understand(reading.text());
        if (plan != null) return new Part.Steps(plan);
        return Part.Question.plain("Which contacts, and to which stage? Narrow them by a company or a stage, for example \"move "
                + "all leads at Acme to qualified\".");
    }

    private static Target contact(Reading reading) {
        return reading.target(RecordMention.CONTACT, NameWords.guess(reading, VERBS, Span.Kind.WHEN, Span.Kind.EMAIL));
    }

    /** What the email is about: after "about", "re", a colon; else what follows the name; else a follow-up. */
    private static String purpose(Reading reading) {
        Span contact = reading.mentionSpan(RecordMention.CONTACT);
        String text = reading.text();
        Words.Content content = Words.contentAfter(text, contact == null ? 0 : contact.end());
        String purpose = content != null ? content.text()
                : contact != null ? Words.tidy(KIND.matcher(text.substring(contact.end()).strip()).replaceFirst("")) : "";
        boolean followUp = reading.lower().matches("(?s).*\\bfollow[- ]?up\\b.*");
        if (purpose.isEmpty()) return followUp ? "a follow-up" : "a short follow-up";
        return followUp && !purpose.toLowerCase().contains("follow") ? "a follow-up about " + purpose : purpose;
    }
}
