package io.intelligencecrm.web.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.conversation.StoredMessage;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.proposal.ProposalService;
import io.intelligencecrm.web.markdown.ChatMarkdown;
import io.intelligencecrm.web.page.SvgCharts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a conversation's stored messages into what the chat showed: the user's messages, and the
 * recorded events of each turn (tool lines, proposal cards with their current status, tables and
 * the final answer). The model's own memory rows (tool requests and results) are not shown again.
 */
public final class ChatHistory {
    private final ProposalService proposals;

    public ChatHistory(ProposalService proposals) {
        this.proposals = proposals;
    }

    public List<ChatView> entries(Actor actor, List<StoredMessage> messages) {
        List<ChatView> entries = new ArrayList<>();
        for (StoredMessage message : messages) {
            JsonNode content = parse(message.content());
            if (message.role().equals("user")) {
                String text = userText(content);
                if (!text.isBlank()) entries.add(new ChatView.Said("user", text, null));
            } else if (message.role().equals("event")) {
                event(actor, content.path("type").asText(), content.path("data"), entries);
            }
        }
        return entries;
    }

    private void event(Actor actor, String type, JsonNode data, List<ChatView> entries) {
        switch (type) {
            case "tool_finished" -> entries.add(new ChatView.Tool(data.path("tool").asText(),
                    data.path("summary").asText(), data.path("ok").asBoolean(), data.path("millis").asLong()));
            case "proposal" -> entries.add(proposal(actor, data.path("proposal")));
            case "table" -> entries.add(table(data.path("table")));
            case "final" -> entries.add(new ChatView.Said("ai", data.path("text").asText(),
                    ChatMarkdown.toHtml(data.path("text").asText())));
            case "error" -> entries.add(new ChatView.Said("error", data.path("message").asText(), null));
            default -> {
                // proposal_decided: the card above already shows the current status.
            }
        }
    }

    private ChatView.Proposal proposal(Actor actor, JsonNode proposal) {
        String id = proposal.path("proposalId").asText();
        String status;
        try {
            status = proposals.get(actor, UUID.fromString(id)).status().stored();
        } catch (CrmException | IllegalArgumentException e) {
            status = "unknown";
        }
        return new ChatView.Proposal(id, proposal.path("action").asText(), proposal.path("summary").asText(),
                arguments(proposal.path("arguments")), proposal.path("argumentsHash").asText(), status);
    }

    static Map<String, String> arguments(JsonNode arguments) {
        Map<String, String> shown = new LinkedHashMap<>();
        arguments.properties().forEach(field -> shown.put(field.getKey(),
                field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString()));
        return shown;
    }

    private static ChatView.Table table(JsonNode table) {
        List<String> columns = new ArrayList<>();
        table.path("columns").forEach(column -> columns.add(column.asText()));
        List<List<String>> rows = new ArrayList<>();
        List<List<Object>> values = new ArrayList<>();
        table.path("rows").forEach(row -> {
            List<String> cells = new ArrayList<>();
            List<Object> raw = new ArrayList<>();
            row.forEach(cell -> {
                cells.add(cell.isNull() ? "" : cell.asText());
                raw.add(cell.isNumber() ? cell.numberValue() : cell.asText());
            });
            rows.add(cells);
            values.add(raw);
        });
        String kind = table.path("chartKind").asText();
        String chart = kind.equals("bar") || kind.equals("line") ? SvgCharts.fromTable(table.path("title").asText(), values) : "";
        return new ChatView.Table(table.path("title").asText(), columns, rows, chart, table.path("totalRows").asLong(rows.size()));
    }

    private static String userText(JsonNode content) {
        if (content.has("contents")) {
            StringBuilder text = new StringBuilder();
            content.path("contents").forEach(part -> text.append(part.path("text").asText()));
            return text.toString();
        }
        return content.path("text").asText();
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }
}
