package io.intelligencecrm.web.page;

import io.intelligencecrm.core.error.CrmException;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The words people know for the API's field names, so a refusal reads "Last name: a contact needs a
 * name or an email", not "lastName a contact needs…". Unknown names are split into words.
 */
public final class FieldNames {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("firstName", "First name"), Map.entry("lastName", "Last name"), Map.entry("email", "Email"),
            Map.entry("phone", "Phone"), Map.entry("title", "Title"), Map.entry("lifecycleStage", "Stage"),
            Map.entry("stage", "Stage"), Map.entry("companyName", "Company"), Map.entry("companyId", "Company"),
            Map.entry("company", "Company"), Map.entry("ownerId", "Owner"), Map.entry("owner", "Owner"),
            Map.entry("ownerEmail", "Owner"), Map.entry("source", "Source"), Map.entry("country", "Country"),
            Map.entry("scoreMin", "Lowest score"), Map.entry("scoreMax", "Highest score"), Map.entry("name", "Name"),
            Map.entry("amount", "Amount"), Map.entry("currency", "Currency"), Map.entry("expectedCloseDate", "Expected close"),
            Map.entry("contactId", "Contact"), Map.entry("dueAt", "Due"), Map.entry("fullName", "Full name"));

    private FieldNames() {
    }

    public static String label(String field) {
        String known = LABELS.get(field);
        if (known != null) return known;
        String words = field.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').replace('.', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? field : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The refusal in one line: its field messages with their labels, else its message. */
    public static String sentence(CrmException error) {
        if (error.fieldErrors().isEmpty()) return error.getMessage();
        return error.fieldErrors().entrySet().stream().map(entry -> label(entry.getKey()) + ": " + entry.getValue())
                .collect(Collectors.joining("; "));
    }
}
