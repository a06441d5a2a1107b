package io.intelligencecrm.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "her", "him", "the second one": a contact or deal named by an earlier tool result in the conversation
 * instead of by name. A pronoun needs a last result naming exactly one record; an ordinal picks that row
 * of the last list. Anything else becomes a precise question rather than a guess.
 */
final class References {
    private static final Pattern PRONOUN = Pattern.compile(
            "(?i)^(?:her|him|them|she|he|it|(?:this|that)\\s+(?:contact|person|one|deal))$");
    private static final Pattern ORDINAL = Pattern.compile(
            "(?i)^\\s*(?:(?:go\\s+with|pick|choose|take|use|i\\s+mean)\\s+)?(?:the\\s+)?(?:number\\s+|no\\.?\\s*|#)?"
                    + "(?<n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th|[1-9])"
                    + "(?:\\s+(?:one|contact|person|deal|row))?(?:,?\\s+please)?\\s*[.!]?\\s*$");
    private static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("1st", 1),
            Map.entry("second", 2), Map.entry("2nd", 2), Map.entry("third", 3), Map.entry("3rd", 3),
            Map.entry("fourth", 4), Map.entry("4th", 4), Map.entry("fifth", 5), Map.entry("5th", 5));
    private static final Set<String> CONTACT_TOOLS = Set.of("searchContacts", "createContact", "getContact",
            "updateContact", "changeContactStage", "assignContactOwner", "logInteraction", "draftEmail");
    private static final Set<String> DEAL_TOOLS = Set.of("findDeals", "createDeal", "moveDealStage", "markDealWon",
            "markDealLost", "assignDealOwner");

    /** Either the id referred to, or the question to ask instead. */
    record Outcome(String id, String question) {
    }

    private References() {
    }

    static boolean isReference(String subject) {
        return PRONOUN.matcher(subject.strip()).matches() || isOrdinal(subject);
    }

    static boolean isOrdinal(String text) {
        return ORDINAL.matcher(text).matches();
    }

    /** @param lookupTool the tool the command would otherwise look the subject up with */
    static Outcome resolve(String subject, List<ChatMessage> earlier, String lookupTool) {
        boolean deals = lookupTool.equals("findDeals");
        String kind = deals ? "deal" : "contact";
        JsonNode last = lastResult(earlier, deals ? DEAL_TOOLS : CONTACT_TOOLS);
        if (last == null) {
            return question("I don't know which " + kind + " \"" + subject + "\" is: nothing earlier in this"
                    + " conversation names one. Please use the name.");
        }
        List<String> ids = ids(last, kind);
        Matcher ordinal = ORDINAL.matcher(subject);
        if (ordinal.matches()) {
            String n = ordinal.group("n").toLowerCase(Locale.ROOT);
            int row = n.equals("last") ? ids.size() : n.matches("\\d") ? Integer.parseInt(n) : ORDINALS.get(n);
            if (row < 1 || row > ids.size()) {
                return question("The last list has " + ids.size() + " " + kind + (ids.size() == 1 ? "" : "s")
                        + ", so there is no " + n + " one. Which " + kind + " do you mean?");
            }
            return new Outcome(ids.get(row - 1), null);
        }
        if (ids.size() == 1) return new Outcome(ids.getFirst(), null);
        return question("The last result lists " + ids.size() + " " + kind + "s, so I am not sure who \"" + subject
                + "\" is. Say \"the first one\", \"the second one\", ... or use the name.");
    }

    private static Outcome question(String text) {
        return new Outcome(null, text);
    }

    private static JsonNode lastResult(List<ChatMessage> earlier, Set<String> tools) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            if (earlier.get(i) instanceof ToolExecutionResultMessage result && tools.contains(result.toolName())
                    && !Boolean.TRUE.equals(result.isError())) {
                JsonNode node = OfflineReplies.parse(result.text());
                if (node != null) return node;
            }
        }
        return null;
    }

    /** The record ids a result names, in row order: a table's id column, the saved record, or its contactId. */
    private static List<String> ids(JsonNode node, String kind) {
        List<String> ids = new ArrayList<>();
        if (node.has("columns") && node.has("rows")) {
            List<String> column = OfflineReplies.idColumn(node);
            if (column != null) ids.addAll(column);
        } else if (node.path(kind).hasNonNull("id")) {
            ids.add(node.path(kind).get("id").asText());
        } else if (node.hasNonNull(kind + "Id")) {
            ids.add(node.get(kind + "Id").asText());
        }
        return ids;
    }
}
