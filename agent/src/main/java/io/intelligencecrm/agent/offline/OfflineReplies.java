package io.intelligencecrm.agent.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import io.intelligencecrm.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Offline mode's words: answers written from tool results, and help when a command is not understood. */
final class OfflineReplies {
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final List<String> EXAMPLES = List.of(
            "add Jane Doe from Acme, jane@acme.com, she asked for pricing",
            "log a call with Jane Doe: discussed the renewal",
            "move Jane Doe to qualified",
            "find Acme",
            "show me the pipeline",
            "new leads this week",
            "deals closing this month",
            "which deals went quiet in the last 14 days?",
            "activity by rep last month",
            "conversion by source this quarter",
            "new deal Acme renewal for 5000 USD",
            "create a deal Acme renewal $5k with Jane Doe closing end of month",
            "move the Acme renewal deal to negotiation",
            "mark the Acme renewal deal as lost because of price",
            "add company Vertex Labs, vertexlabs.example",
            "draft a follow-up to Jane Doe about pricing",
            "email Jane Doe about the demo next week",
            "email all my customers in Germany about the webinar on Thursday",
            "draft a follow-up to everyone I met last week",
            "assign Jane Doe to sam@demo.example",
            "change Jane Doe's title to CTO",
            "delete Jane Doe",
            "who mentioned budget cuts?",
            "find contacts similar to Jane Doe",
            "what do our documents say about refunds?",
            "score my leads",
            "why is Jane Doe a 82?",
            "top 10 leads I should call today",
            "which leads dropped this week?");

    private OfflineReplies() {
    }

    static String help(String text) {
        List<String> close = closest(text);
        return "I'm in offline mode: a rule-based planner, not an AI model, so I understand a fixed set of commands. "
                + "I did not understand that. Try one of these:\n- " + String.join("\n- ", close);
    }

    /** The three examples sharing the most words with what was typed. */
    private static List<String> closest(String text) {
        Set<String> words = new LinkedHashSet<>(List.of(text.toLowerCase().split("\\W+")));
        return EXAMPLES.stream()
                .sorted((a, b) -> Long.compare(overlap(b, words), overlap(a, words)))
                .limit(3).toList();
    }

    private static long overlap(String example, Set<String> words) {
        return List.of(example.toLowerCase().split("\\W+")).stream().filter(words::contains).count();
    }

    static String json(Map<String, Object> arguments) {
        try {
            return Json.mapper().writeValueAsString(arguments);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The record ids in a tool result: the id column of a table, the id of one record, or any ids in the text. */
    static List<UUID> ids(String result) {
        JsonNode node = parse(result);
        Set<UUID> ids = new LinkedHashSet<>();
        List<String> column = node == null ? null : idColumn(node);
        if (column != null) {
            column.forEach(id -> ids.add(UUID.fromString(id)));
            return new ArrayList<>(ids);
        }
        if (node != null && node.has("id") && UUID_TEXT.matcher(node.get("id").asText()).matches()) {
            return List.of(UUID.fromString(node.get("id").asText()));
        }
        Matcher matcher = UUID_TEXT.matcher(result == null ? "" : result);
        while (matcher.find()) ids.add(UUID.fromString(matcher.group()));
        return new ArrayList<>(ids);
    }

    /** The id column of a table result, row by row; null when the result is no table with ids. */
    static List<String> idColumn(JsonNode node) {
        if (!node.has("columns") || !node.has("rows")) return null;
        int column = -1;
        for (int i = 0; i < node.get("columns").size(); i++) {
            if (node.get("columns").get(i).asText().equalsIgnoreCase("id")) column = i;
        }
        if (column < 0) return null;
        List<String> ids = new ArrayList<>();
        for (JsonNode row : node.get("rows")) {
            if (row.has(column)) ids.add(row.get(column).asText());
        }
        return ids;
    }

    static String answer(ToolExecutionResultMessage result) {
        if (Boolean.TRUE.equals(result.isError())) return "That did not work. " + result.text();
        JsonNode node = parse(result.text());
        if (node == null) return result.text();
        if (node.has("proposalId")) {
            return "I have proposed: " + node.path("summary").asText() + ". This is a proposal waiting for your"
                    + " approval: nothing happens until you approve it with the Approve button (or reply \"approve\";"
                    + " \"reject\" drops it).";
        }
        if (node.has("passages") && node.has("found")) return DocumentReplies.answer(node);
        if (node.has("rows") && node.has("title")) return TableSentences.say(node);
        return describeChange(node);
    }

    /** One contact's card: who, where, what stage, what is open and what happened last. */
    private static String describeCard(JsonNode card) {
        JsonNode contact = card.path("contact");
        StringBuilder text = new StringBuilder(contact.path("name").asText());
        String title = contact.path("title").asText("");
        String company = contact.path("company").asText("");
        if (!title.isBlank() || !company.isBlank()) {
            text.append(" — ").append(title.isBlank() ? "" : title).append(!title.isBlank() && !company.isBlank() ? " at " : "")
                    .append(company);
        }
        text.append(". Stage ").append(contact.path("stage").asText("unknown"));
        if (!contact.path("owner").asText("").isBlank()) text.append(", owned by ").append(contact.path("owner").asText());
        if (!contact.path("email").asText("").isBlank()) text.append(", ").append(contact.path("email").asText());
        int deals = card.path("openDeals").size();
        text.append(". ").append(deals == 0 ? "No open deals" : deals + (deals == 1 ? " open deal" : " open deals"));
        JsonNode latest = card.path("recentInteractions").path(0);
        if (!latest.isMissingNode()) {
            text.append("; last activity: ").append(latest.path("type").asText()).append(" on ")
                    .append(latest.path("occurredAt").asText().split("T")[0]);
            String excerpt = latest.path("excerpt").asText("");
            if (!excerpt.isBlank()) text.append(" (\"").append(excerpt).append("\")");
        }
        return text.append('.').toString();
    }

    /** A write tool's result in a sentence: what happened, to which record (ids stay out of prose). */
    private static String describeChange(JsonNode node) {
        if (node.path("contact").isObject() && node.has("recentInteractions")) return describeCard(node);
        if (node.has("rationale") && node.has("factors")) return ScoringCommands.answer(node);
        if (node.path("changed").isArray() && node.has("stage")) {
            int changed = node.path("changed").size();
            int refused = node.path("refused").size();
            return "Moved " + changed + (changed == 1 ? " contact" : " contacts") + " to " + node.path("stage").asText()
                    + (refused == 0 ? "." : "; " + refused + " could not be changed: "
                    + String.join("; ", textsOf(node.path("refused"))) + ".");
        }
        if (node.path("drafts").isArray()) {
            int drafts = node.path("drafts").size();
            return "Drafted " + drafts + (drafts == 1 ? " email" : " emails") + " (shown above); nothing is sent."
                    + (node.path("note").asText("").isBlank() ? "" : " " + node.path("note").asText());
        }
        if (node.has("subject") && node.has("body") && node.has("contactName")) {
            return "Here is a draft for " + node.path("contactName").asText() + " (nothing is sent):\n\nSubject: "
                    + node.path("subject").asText() + "\n\n" + node.path("body").asText();
        }
        if (node.has("domain") && node.has("industry") && node.has("name")) {
            return "Created company " + node.path("name").asText()
                    + (node.path("domain").asText("").isBlank() || node.path("domain").isNull() ? ""
                    : " (" + node.path("domain").asText() + ")") + ".";
        }
        String result = node.path("result").asText("");
        for (String kind : List.of("contact", "deal")) {
            JsonNode record = node.path(kind);
            if (record.isObject() && !result.isEmpty()) {
                return capitalised(result) + ": " + record.path("name").asText() + details(record) + ".";
            }
        }
        if (node.has("interactionId")) return "Logged the " + node.path("type").asText("interaction") + ".";
        return "Done. " + facts(node);
    }

    private static String details(JsonNode record) {
        List<String> details = new ArrayList<>();
        for (String field : List.of("company", "email", "stage")) {
            if (!record.path(field).asText("").isBlank() && !record.path(field).isNull()) details.add(record.path(field).asText());
        }
        return details.isEmpty() ? "" : " (" + String.join(", ", details) + ")";
    }

    private static List<String> textsOf(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String facts(JsonNode node) {
        List<String> facts = new ArrayList<>();
        String name = (node.path("firstName").asText("") + " " + node.path("lastName").asText("")).strip();
        if (!name.isEmpty()) facts.add(name);
        node.fields().forEachRemaining(field -> {
            if (facts.size() >= 5 || !field.getValue().isValueNode() || field.getValue().isNull()) return;
            if (field.getKey().equals("firstName") || field.getKey().equals("lastName")) return;
            facts.add(field.getKey() + ": " + field.getValue().asText());
        });
        return String.join(", ", facts) + ".";
    }

    /** A tool result as a JSON object, or null when it is not one. */
    static JsonNode parse(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            JsonNode node = Json.mapper().readTree(text);
            return node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
