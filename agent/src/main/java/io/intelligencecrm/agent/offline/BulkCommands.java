package io.intelligencecrm.agent.offline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commands about a group of contacts, always narrowed by a stage or a company: "move all leads at
 * Acme to qualified" finds them, then changes them together (more than five becomes a proposal);
 * "draft emails to all customers at Acme about the renewal" drafts one per contact. Deleting or
 * emailing "everyone" stays not understood.
 */
final class BulkCommands {
    private static final String STAGES = "lead|qualified|customer|lost";
    private static final Pattern MOVE = Pattern.compile("(?i)^\\s*(?:please\\s+)?(?:move|set|change)\\s+(?:all|every)"
            + "(?:\\s+(?:of\\s+)?the)?\\s+(?:(?<from>" + STAGES + ")s?\\s+)?(?:contacts?|people|leads)?\\s*"
            + "(?:(?:at|from|in)\\s+(?<company>.+?)\\s+)?(?:to|as)\\s+(?<stage>" + STAGES + ")\\s*[.!]?$");
    private static final Pattern DRAFT = Pattern.compile("(?i)^\\s*(?:please\\s+)?(?:draft|write)\\s+(?:an\\s+)?emails?"
            + "\\s+(?:to|for)\\s+(?:all|every)(?:\\s+(?:of\\s+)?(?:the|my))?\\s+(?:(?<stage>" + STAGES + ")s?|contacts?|customers)"
            + "(?:\\s+(?:at|from|in)\\s+(?<company>.+?))?\\s+about\\s+(?<purpose>.+?)\\s*[.!]?$");

    private BulkCommands() {
    }

    /** @return the plan, or null when the text is no group command */
    static Plan understand(String text) {
        Matcher move = MOVE.matcher(text);
        if (move.matches() && (move.group("from") != null || move.group("company") != null
                || text.toLowerCase(Locale.ROOT).contains("leads"))) {
            Map<String, Object> filters = new LinkedHashMap<>();
            String from = move.group("from") != null ? move.group("from")
                    : text.toLowerCase(Locale.ROOT).contains("leads") ? "lead" : null;
            if (from != null) filters.put("stage", from.toLowerCase(Locale.ROOT));
            if (move.group("company") != null) filters.put("companyName", move.group("company").strip());
            return new Plan("change contacts", List.of(Plan.Step.of("searchContacts", filters),
                    Plan.Step.needingIds("bulkChangeContactStage", "contactIds",
                            Map.of("stage", move.group("stage").toLowerCase(Locale.ROOT)))), null);
        }
        Matcher draft = DRAFT.matcher(text);
        if (draft.matches()) {
            Map<String, Object> arguments = new LinkedHashMap<>();
            String stage = draft.group("stage") != null ? draft.group("stage")
                    : text.toLowerCase(Locale.ROOT).contains("customers") ? "customer" : null;
            if (stage != null) arguments.put("stage", stage.toLowerCase(Locale.ROOT));
            if (draft.group("company") != null) arguments.put("query", draft.group("company").strip());
            if (arguments.isEmpty()) return null;
            arguments.put("purpose", draft.group("purpose").strip());
            return Plan.single("draft emails", "draftEmailsForContacts", arguments);
        }
        return null;
    }
}
