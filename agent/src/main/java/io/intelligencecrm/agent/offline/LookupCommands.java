package io.intelligencecrm.agent.offline;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading commands beyond a contact search: companies by name, deals by name or company (or the
 * user's own), and everything about one contact. Checked after the analytics questions, so "deals
 * closing this month" stays a report.
 */
final class LookupCommands {
    private static final Pattern COMPANIES = Pattern.compile(
            "(?i)^\\s*(?:find|search(?:\\s+for)?|show(?:\\s+me)?|look\\s+up|list)\\s+(?:the\\s+)?compan(?:y|ies)"
                    + "(?:\\s+(?:named|called|like))?(?:\\s+(?<query>.+?))?\\s*[?.!]?$");
    private static final Pattern DEALS = Pattern.compile(
            "(?i)^\\s*(?:find|search(?:\\s+for)?|show(?:\\s+me)?|list)\\s+(?<mine>my\\s+)?(?:the\\s+)?(?<open>open\\s+)?deals?"
                    + "(?:\\s+(?:for|with|at|named|called|about))?(?:\\s+(?<query>.+?))?\\s*[?.!]?$");
    private static final Pattern DETAILS = Pattern.compile(
            "(?i)^\\s*(?:tell\\s+me\\s+(?:everything\\s+)?about|details\\s+(?:for|of|on)|what\\s+do\\s+we\\s+know\\s+about"
                    + "|open)\\s+(?<who>.+?)\\s*[?.!]?$");

    /** "find leads at Acme", "show my customers", "list contacts from Globex": a search by its filters. */
    private static final Pattern CONTACTS = Pattern.compile(
            "(?i)^\\s*(?:find|search(?:\\s+for)?|show(?:\\s+me)?|list|look\\s+up|get)\\s+(?:all\\s+)?(?:of\\s+)?"
                    + "(?<mine>my\\s+)?(?:the\\s+)?(?<stage>lead|customer|client|prospect|qualified|lost)?s?\\s*"
                    + "(?:contacts|people|leads|customers|clients|prospects)?"
                    + "(?:\\s+(?:at|from|with)\\s+(?<company>.+?))?\\s*[?.!]?$");
    private static final Map<String, String> STAGES = Map.of("lead", "lead", "prospect", "lead", "customer", "customer",
            "client", "customer", "qualified", "qualified", "lost", "lost");

    private LookupCommands() {
    }

    /** @return the plan, or null when the text is none of these */
    static Plan understand(String text) {
        Matcher companies = COMPANIES.matcher(text);
        if (companies.matches()) {
            return Plan.single("find companies", "findCompanies", query(companies.group("query")));
        }
        Matcher deals = DEALS.matcher(text);
        if (deals.matches()) {
            Map<String, Object> arguments = new LinkedHashMap<>(query(deals.group("query")));
            if (deals.group("mine") != null) arguments.put("onlyMine", true);
            if (deals.group("open") != null) arguments.put("openOnly", true);
            return Plan.single("find deals", "findDeals", arguments);
        }
        Matcher contacts = CONTACTS.matcher(text);
        if (contacts.matches() && !text.strip().matches("(?i)^\\S+(?:\\s+(?:me|all|of|my|the))*\\s*[?.!]?$")) {
            Map<String, Object> filters = new LinkedHashMap<>();
            String word = text.toLowerCase(Locale.ROOT);
            String stage = contacts.group("stage") != null ? STAGES.get(contacts.group("stage").toLowerCase(Locale.ROOT))
                    : word.matches(".*\\b(?:leads|prospects)\\b.*") ? "lead"
                    : word.matches(".*\\b(?:customers|clients)\\b.*") ? "customer" : null;
            if (stage != null) filters.put("stage", stage);
            if (contacts.group("company") != null) filters.put("companyName", contacts.group("company").strip());
            if (contacts.group("mine") != null) filters.put("onlyMine", true);
            if (!filters.isEmpty()) return Plan.single("search contacts", "searchContacts", filters);
        }
        Matcher details = DETAILS.matcher(text);
        if (details.matches()) {
            return Plan.lookup("read contacts", "searchContacts", details.group("who").strip(),
                    Plan.Step.needingId("getContact", "contactIdOrEmail", Map.of()));
        }
        return null;
    }

    private static Map<String, Object> query(String query) {
        return query == null || query.isBlank() ? Map.of() : Map.of("query", query.strip());
    }
}
