package io.intelligencecrm.tools.proposal;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.error.CrmException;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-recipient placeholders in an email sent to several contacts: {@code {{firstName}}},
 * {@code {{lastName}}}, {@code {{fullName}}} and {@code {{company}}}. A value the contact lacks
 * reads naturally ("Hi there,") instead of leaving a gap, and an unknown placeholder is refused
 * when the email is proposed, so no recipient ever sees a raw {@code {{...}}}.
 */
public final class MergeFields {
    public static final String KNOWN = "{{firstName}}, {{lastName}}, {{fullName}}, {{company}}";
    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
    private static final Map<String, Function<Contact, String>> VALUES = Map.of(
            "firstName", contact -> orElse(contact.firstName(), "there"),
            "lastName", contact -> orElse(contact.lastName(), ""),
            "fullName", contact -> orElse(contact.fullName(), "there"),
            "company", contact -> orElse(contact.companyName(), "your company"));

    private MergeFields() {
    }

    /** Refuses placeholders other than the known ones, naming the argument they are in. */
    public static void check(String argument, String template) {
        Matcher field = FIELD.matcher(template);
        while (field.find()) {
            if (!VALUES.containsKey(field.group(1))) {
                throw CrmException.invalid(argument, "unknown placeholder " + field.group() + "; use " + KNOWN);
            }
        }
    }

    /** The template with every placeholder replaced by this contact's value. */
    public static String fill(String template, Contact contact) {
        return FIELD.matcher(template).replaceAll(field ->
                Matcher.quoteReplacement(VALUES.get(field.group(1)).apply(contact)));
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
