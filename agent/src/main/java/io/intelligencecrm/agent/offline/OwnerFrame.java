package io.intelligencecrm.agent.offline;

import io.intelligencecrm.agent.offline.language.RecordMention;
import io.intelligencecrm.agent.offline.language.Span;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Giving a contact or a deal to a team member, named by their email or their name. */
final class OwnerFrame {
    /** "give all of Sam's contacts to Jordan": a whole book, which is not moved in one go. */
    private static final java.util.regex.Pattern ALL = java.util.regex.Pattern.compile(
            "(?i)\\b(?:all|every|everyone|everything|everybody|each)\\b");

    private OwnerFrame() {
    }

    static Part assign(Reading reading) {
        if (ALL.matcher(reading.text()).find()) {
            return new Part.Say("I give one contact or deal at a time to a colleague (in offline mode or otherwise): name the record "
                    + "and who should own it. Nothing was changed.");
        }
        Optional<String> email = ownerEmail(reading);
        if (email.isEmpty()) {
            return Part.Question.plain("Who should own it? Give me the team member's name or email, for example \"assign Jane Doe to "
                    + "sam@demo.example\".");
        }
        boolean deal = !reading.mentions(RecordMention.DEAL).isEmpty() || reading.lower().matches("(?s).*\\b(?:deal|opportunity|opp)\\b.*");
        if (deal) {
            return Action.of("assign deals", RecordMention.DEAL, "assignDealOwner", "dealId", Map.of("ownerEmail", email.get()))
                    .part(DealFrames.deal(reading), "Which deal should " + email.get() + " own?");
        }
        return Action.of("assign contacts", RecordMention.CONTACT, "assignContactOwner", "contactId", Map.of("ownerEmail", email.get()))
                .part(ContactFrames.contact(reading), "Which contact should " + email.get() + " own?");
    }

    /** A team member's email: typed, or the email of the team member the words name. */
    private static Optional<String> ownerEmail(Reading reading) {
        List<Span> emails = reading.scan().of(Span.Kind.EMAIL);
        if (!emails.isEmpty()) return Optional.of(emails.getLast().as(String.class));
        for (List<RecordMention> group : reading.mentions(RecordMention.MEMBER)) {
            RecordMention member = group.getFirst();
            if (member.email() != null) return Optional.of(member.email());
        }
        return Optional.empty();
    }
}
