package io.intelligencecrm.web.chat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.conversation.StoredMessage;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.proposal.Proposal;
import io.intelligencecrm.core.proposal.ProposalService;
import io.intelligencecrm.web.markdown.ChatMarkdown;
import io.intelligencecrm.web.page.Formats;
import io.intelligencecrm.web.page.SvgCharts;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a conversation's stored messages into what the chat showed: the user's messages, and the
 * recorded events of each turn (tool lines, proposal cards with their current status, tables and
 * the final answer). The model's own memory rows (tool requests and results) are not shown again.
 */
public final class ChatHistory {
    private static final TypeReference<Map<String, Object>> ARGUMENTS = new TypeReference<>() {
    };
    /** Edits followed to the latest version of a proposal, a bound on a chain no person makes by hand. */
    private static final int MAX_EDITS = 50;
    private final ProposalService proposals;
    private final ChatCards cards;

    public ChatHistory(ProposalService proposals, ChatCards cards) {
        this.proposals = proposals;
        this.cards = cards;
    }

    public List<ChatView> entries(Actor actor, List<StoredMessage> messages) {
        List<ChatView> entries = new ArrayList<>();
        for (StoredMessage message : messages) {
            JsonNode content = parse(message.content());
            if (message.role().equals("user")) {
                String text = userText(content);
                if (!text.isBlank()) entries.add(new ChatView.Said("user", text, null));
            } else if (message.role().equals("event")) {
                ChatView view = view(actor, content.path("type").asText(), content.path("data"), false);
                if (view != null) entries.add(view);
            }
        }
        return entries;
    }

    /**
     * The entry an event shows as, or null for events that show nothing of their own (a decision
     * updates the card above it). Live frames carry the same view, so the script draws what history shows.
     */
    public ChatView view(Actor actor, String type, JsonNode data, boolean live) {
        return switch (type) {
            case "tool_finished" -> new ChatView.Tool(data.path("summary").asText(), data.path("details").asText(""),
                    data.path("ok").asBoolean(), data.path("millis").asLong());
            case "proposal" -> live ? proposed(actor, data.path("proposal"), "pending") : proposal(actor, data.path("proposal"));
            case "table" -> table(data.path("table"));
            case "final" -> new ChatView.Said("ai", data.path("text").asText(), ChatMarkdown.toHtml(data.path("text").asText()));
            case "error" -> new ChatView.Said("error", data.path("message").asText(), null);
            default -> null;
        };
    }

    /** A proposal's card as it reads now: an edited one shows as its latest version. */
    public ChatView.Proposal proposal(Actor actor, UUID id) {
        Proposal proposal = proposals.get(actor, id);
        for (int hop = 0; hop < MAX_EDITS && proposal.outcome() != null
                && proposal.outcome().get("replacedBy") instanceof String next; hop++) {
            proposal = proposals.get(actor, UUID.fromString(next));
        }
        return cards.proposal(actor, proposal.id().toString(), proposal.action(), proposal.summary(), proposal.arguments(),
                proposal.argumentsHash(), proposal.status().stored(), proposal.outcome());
    }

    private ChatView.Proposal proposal(Actor actor, JsonNode proposal) {
        String id = proposal.path("proposalId").asText();
        try {
            return proposal(actor, UUID.fromString(id));
        } catch (CrmException | IllegalArgumentException e) {
            return proposed(actor, proposal, "unknown");
        }
    }

    /** The card from the event itself: live, the proposal was just made (its row may not be committed yet). */
    private ChatView.Proposal proposed(Actor actor, JsonNode proposal, String status) {
        Map<String, Object> arguments = Json.mapper().convertValue(proposal.path("arguments"), ARGUMENTS);
        return cards.proposal(actor, proposal.path("proposalId").asText(), proposal.path("action").asText(),
                proposal.path("summary").asText(), arguments == null ? Map.of() : arguments,
                proposal.path("argumentsHash").asText(), status, Map.of());
    }

    private static ChatView.Table table(JsonNode table) {
        List<String> columns = new ArrayList<>();
        table.path("columns").forEach(column -> columns.add(column.asText()));
        List<List<Object>> values = new ArrayList<>();
        table.path("rows").forEach(row -> {
            List<Object> raw = new ArrayList<>();
            row.forEach(cell -> raw.add(cell.isNull() ? null : cell.isNumber() ? cell.numberValue() : cell.asText()));
            values.add(raw);
        });
        String kind = table.path("chartKind").asText();
        String title = table.path("title").asText();
        String chart = kind.equals("bar") || kind.equals("line") ? chart(title, values) : "";
        String recordType = table.path("recordType").isTextual() ? table.path("recordType").asText() : null;
        return ChatCards.table(title, columns, values, recordType, chart, table.path("totalRows").asLong(values.size()));
    }

    /** Bars of a chartable table: the first column names each bar, the last numeric column is its length. */
    static String chart(String title, List<List<Object>> rows) {
        if (rows.isEmpty()) return "";
        int valueColumn = -1;
        for (int column = rows.getFirst().size() - 1; column > 0 && valueColumn < 0; column--) {
            if (rows.getFirst().get(column) instanceof Number) valueColumn = column;
        }
        if (valueColumn < 0) return "";
        int column = valueColumn;
        Formats formats = new Formats(Formats.DEFAULT_LOCALE, ZoneOffset.UTC);
        return SvgCharts.bars(title, rows.stream().limit(30).map(row -> {
            double value = row.get(column) instanceof Number number ? number.doubleValue() : 0;
            return new SvgCharts.Bar(String.valueOf(row.getFirst()), value, formats.number(value));
        }).toList());
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
