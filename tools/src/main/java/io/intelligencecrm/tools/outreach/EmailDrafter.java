package io.intelligencecrm.tools.outreach;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.ContactDetails;
import io.intelligencecrm.core.interaction.Interaction;
import io.intelligencecrm.core.interaction.InteractionType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a first draft from the contact's record and latest interaction, by template: the model
 * may polish it, and the user decides whether it is ever sent. Plain text only.
 */
final class EmailDrafter {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

    private EmailDrafter() {
    }

    static EmailDraft draft(ContactDetails details, String purpose, String senderName, ZoneId zone) {
        Contact contact = details.contact();
        String topic = purpose.trim();
        String company = contact.companyName();
        String greetingName = contact.firstName() == null || contact.firstName().isBlank()
                ? contact.fullName() : contact.firstName();
        StringBuilder body = new StringBuilder("Hi ").append(greetingName).append(",\n\n");
        recentTouch(details).ifPresent(line -> body.append(line).append("\n\n"));
        body.append("I'm getting in touch about ").append(lowerFirst(topic));
        if (company != null) body.append(" for ").append(company);
        body.append('.');
        if (contact.title() != null && !contact.title().isBlank()) {
            body.append(" Given your role as ").append(contact.title())
                    .append(", I thought you would be the right person to talk to.");
        }
        body.append("\n\nWould you have 20 minutes in the coming days to discuss it? Happy to work around your"
                + " schedule.\n\nBest regards,\n").append(senderName);
        String subject = capitalise(topic) + (company == null ? "" : " - " + company);
        if (subject.length() > 150) subject = subject.substring(0, 150);
        String note = contact.email() == null
                ? "Draft only, nothing sent. This contact has no email address; add one before proposing to send."
                : "Draft only, nothing sent. To send it, call proposeSendEmail; the user must approve.";
        return new EmailDraft(contact.id(), contact.fullName(), contact.email(), subject, body.toString(), note);
    }

    private static Optional<String> recentTouch(ContactDetails details) {
        return details.recentInteractions().stream().filter(i -> i.type() != InteractionType.NOTE).findFirst()
                .map(EmailDrafter::reference);
    }

    private static String reference(Interaction interaction) {
        String when = DAY.format(LocalDate.ofInstant(interaction.occurredAt(), ZoneId.of("UTC")));
        return switch (interaction.type()) {
            case CALL -> "Thanks again for the call on " + when + ".";
            case MEETING -> "Thanks again for meeting on " + when + ".";
            case EMAIL -> interaction.subject() == null ? "Following up on my email of " + when + "."
                    : "Following up on our emails (\"" + interaction.subject() + "\") from " + when + ".";
            default -> "Following up on our conversation on " + when + ".";
        };
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(1))) return text; // an acronym: keep it
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
