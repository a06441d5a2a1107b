package io.intelligencecrm.core.contact.transfer;

import io.intelligencecrm.core.contact.ContactFields;
import io.intelligencecrm.core.error.Violations;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides what each CSV column becomes: a contact field (explicitly mapped, or recognised from
 * common header names), "ignore", or a custom attribute named after the header.
 */
final class ImportColumns {
    static final String IGNORE = "ignore";
    static final String OWNER_EMAIL = "ownerEmail";
    static final String FULL_NAME = "fullName";
    private static final String CUSTOM = "custom.";
    private static final Map<String, String> KNOWN_HEADERS = new HashMap<>();

    static {
        alias("firstName", "first name", "firstname", "first", "given name", "forename");
        alias("lastName", "last name", "lastname", "last", "surname", "family name");
        alias(FULL_NAME, "name", "full name", "fullname", "contact", "contact name");
        alias("email", "email", "e-mail", "email address", "e-mail address", "mail");
        alias("phone", "phone", "phone number", "telephone", "tel", "mobile", "cell");
        alias("title", "title", "job title", "position", "role");
        alias("lifecycleStage", "stage", "lifecycle stage", "lifecyclestage", "lifecycle", "status");
        alias("source", "source", "lead source", "origin", "channel");
        alias("country", "country", "country code", "nation");
        alias("companyName", "company", "company name", "organization", "organisation", "account", "employer");
        alias(OWNER_EMAIL, "owner", "owner email", "owneremail", "sales rep", "account owner");
    }

    private static void alias(String field, String... headers) {
        for (String header : headers) KNOWN_HEADERS.put(header, field);
    }

    private ImportColumns() {
    }

    /** Column index to target ("firstName", "custom.plan", "ignore", ...), with mapping errors collected. */
    static Map<Integer, String> resolve(List<String> header, Map<String, String> explicit, Violations violations) {
        Set<String> allowed = new HashSet<>(ContactFields.NAMES);
        allowed.removeAll(Set.of("companyId", "ownerId", "custom"));
        allowed.addAll(Set.of(IGNORE, OWNER_EMAIL, FULL_NAME));
        Map<String, String> mapping = new HashMap<>();
        explicit.forEach((column, target) -> mapping.put(column.trim().toLowerCase(Locale.ROOT), target.trim()));
        Map<Integer, String> targets = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            String key = name.toLowerCase(Locale.ROOT);
            String target = mapping.containsKey(key) ? mapping.get(key)
                    : KNOWN_HEADERS.getOrDefault(key.replace('_', ' '), CUSTOM + attributeName(name, i));
            if (!allowed.contains(target) && !target.startsWith(CUSTOM)) {
                violations.add("mapping." + name, "unknown target '" + target + "'; use a contact field, custom.<name> or ignore");
                continue;
            }
            if (target.startsWith(CUSTOM) && !target.substring(CUSTOM.length()).matches("[A-Za-z][A-Za-z0-9_ .-]{0,63}")) {
                violations.add("mapping." + name, "custom attribute names start with a letter, at most 64 characters");
                continue;
            }
            if (!target.equals(IGNORE) && !used.add(target)) {
                violations.add("mapping." + name, "more than one column maps to " + target);
                continue;
            }
            targets.put(i, target);
        }
        explicit.keySet().stream().filter(column -> header.stream().noneMatch(h -> h.trim().equalsIgnoreCase(column.trim())))
                .forEach(column -> violations.add("mapping." + column, "no such column in the file"));
        return targets;
    }

    static boolean isCustom(String target) {
        return target.startsWith(CUSTOM);
    }

    static String attributeOf(String target) {
        return target.substring(CUSTOM.length());
    }

    private static String attributeName(String header, int index) {
        String cleaned = header.trim().replaceAll("[^A-Za-z0-9_ .-]", "").replaceAll("\\s+", "_").toLowerCase(Locale.ROOT);
        if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) cleaned = "column_" + (index + 1) + cleaned;
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }
}
