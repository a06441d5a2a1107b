package io.intelligencecrm.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The records a tool result names, in the order it lists them: the rows of a search, the contact or
 * deal a write saved, the interaction just logged and whom it is on. The records matcher's own result
 * is no sighting: it lists candidates, not what the user saw.
 */
final class RecordsSeen {
    private static final Map<String, String> TABLE_KINDS = Map.of("searchContacts", "contact", "findDeals", "deal",
            "findCompanies", "company", "listTasks", "task", "listWorkflows", "workflow", "leadsToCall", "contact",
            "staleContacts", "contact", "findEmailAudience", "contact");

    private RecordsSeen() {
    }

    static List<Conversation.Seen> in(ToolExecutionResultMessage result) {
        List<Conversation.Seen> seen = new ArrayList<>();
        if (Boolean.TRUE.equals(result.isError()) || "matchRecords".equals(result.toolName())) return seen;
        JsonNode node = OfflineReplies.parse(result.text());
        if (node == null) return seen;
        String tool = result.toolName();
        List<String> column = OfflineReplies.idColumn(node);
        if (column != null) {
            String kind = TABLE_KINDS.getOrDefault(tool, "record");
            int nameColumn = nameColumn(node);
            for (int row = 0; row < column.size(); row++) {
                String name = nameColumn < 0 ? null : node.get("rows").get(row).path(nameColumn).asText(null);
                add(seen, kind, column.get(row), name, tool, node.get("rows").get(row));
            }
            return seen;
        }
        if (node.has("interactionId")) {
            add(seen, "interaction", node.path("interactionId").asText(), node.path("type").asText(null), tool, node);
        }
        for (String kind : List.of("contact", "deal", "company", "task")) {
            JsonNode record = node.path(kind);
            if (record.isObject() && record.hasNonNull("id")) add(seen, kind, record.get("id").asText(), record.path("name").asText(
                    record.path("title").asText(null)), tool, record);
            if (node.hasNonNull(kind + "Id")) add(seen, kind, node.get(kind + "Id").asText(), null, tool, node);
        }
        if ("createCompany".equals(tool) && node.hasNonNull("id")) add(seen, "company", node.get("id").asText(),
                node.path("name").asText(null), tool, node);
        // An account summary shows the company, its open deals and its people.
        for (JsonNode deal : node.path("openDeals")) add(seen, "deal", deal.path("id").asText(), deal.path("name").asText(null), tool, deal);
        for (JsonNode person : node.path("contacts")) add(seen, "contact", person.path("id").asText(), person.path("name").asText(null), tool, person);
        if (("createTask".equals(tool) || "completeTask".equals(tool)) && node.hasNonNull("id")) {
            add(seen, "task", node.get("id").asText(), node.path("title").asText(null), tool, node);
        }
        return seen;
    }

    private static int nameColumn(JsonNode table) {
        JsonNode columns = table.path("columns");
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).asText().toLowerCase();
            if (name.equals("name") || name.equals("deal") || name.equals("title") || name.equals("company")) return i;
        }
        return -1;
    }

    private static void add(List<Conversation.Seen> seen, String kind, String id, String name, String tool, JsonNode node) {
        try {
            UUID uuid = UUID.fromString(id);
            if (seen.stream().noneMatch(other -> other.id().equals(uuid) && other.kind().equals(kind))) {
                seen.add(new Conversation.Seen(kind, uuid, name, tool, node));
            }
        } catch (IllegalArgumentException notAnId) {
            // a column named id holding something else: not a record
        }
    }
}
