package io.intelligencecrm.agent.offline;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Changing a contact found by name: a field, the owner, or deleting it (a proposal). */
final class ContactChangeCommands {
    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("title", "title"),
            Map.entry("job title", "title"), Map.entry("phone", "phone"), Map.entry("phone number", "phone"),
            Map.entry("email", "email"), Map.entry("email address", "email"), Map.entry("company", "companyName"),
            Map.entry("first name", "firstName"), Map.entry("last name", "lastName"), Map.entry("source", "source"),
            Map.entry("country", "country"));
    private static final Pattern UPDATE = Pattern.compile(
            "(?i)^\\s*(?:please\\s+)?(?:change|set|update)\\s+(?<who>.+?)(?:['’]s)?\\s+(?<field>job title|title|phone number|"
                    + "phone|email address|email|company|first name|last name|source|country)\\s+to\\s+(?<value>.+?)\\s*[.!]?$");
    private static final Pattern ASSIGN = Pattern.compile(
            "(?i)^\\s*(?:please\\s+)?(?:assign|give|hand(?:\\s+over)?)\\s+(?<who>.+?)\\s+to\\s+"
                    + "(?<owner>[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)\\s*[.!]?$");
    private static final Pattern DELETE = Pattern.compile(
            "(?i)^\\s*(?:please\\s+)?(?:delete|remove)\\s+(?:the\\s+)?(?:contact\\s+)?(?<who>.+?)\\s*[.!]?$");

    private ContactChangeCommands() {
    }

    /** @return the plan, or null when the text is no contact change */
    static Plan understand(String text) {
        Matcher update = UPDATE.matcher(text);
        if (update.matches()) {
            String field = FIELDS.get(update.group("field").toLowerCase(Locale.ROOT));
            return Plan.lookup("update contacts", "searchContacts", update.group("who").strip(),
                    Plan.Step.needingId("updateContact", "contactId", Map.of(field, update.group("value").strip())));
        }
        Matcher assign = ASSIGN.matcher(text);
        if (assign.matches()) {
            return Plan.lookup("assign contacts", "searchContacts", assign.group("who").strip(),
                    Plan.Step.needingId("assignContactOwner", "contactId",
                            Map.of("ownerEmail", assign.group("owner").toLowerCase(Locale.ROOT))));
        }
        Matcher delete = DELETE.matcher(text);
        if (delete.matches()) {
            return Plan.lookup("delete contacts", "searchContacts", delete.group("who").strip(),
                    Plan.Step.needingId("deleteContact", "contactId", Map.of()));
        }
        return null;
    }
}
