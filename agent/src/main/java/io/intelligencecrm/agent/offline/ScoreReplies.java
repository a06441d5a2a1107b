package io.intelligencecrm.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A lead score explained in words, from the stored evidence only (never from a number in the question). */
final class ScoreReplies {
    private ScoreReplies() {
    }

    /** The explainScore result in words: the stored rationale, the trend and the similar leads by id. */
    static String answer(JsonNode node) {
        StringBuilder text = new StringBuilder(node.path("rationale").asText());
        if (!node.path("trend").asText("").isBlank() && !node.path("trend").isNull()) {
            text.append(" Trend: ").append(node.path("trend").asText()).append('.');
        }
        List<String> similar = new ArrayList<>();
        for (JsonNode lead : node.path("similarLeads")) {
            similar.add(lead.path("name").asText() + " (" + lead.path("outcome").asText() + ", "
                    + String.format(Locale.ROOT, "%.2f", lead.path("similarity").asDouble()) + ", id "
                    + lead.path("contactId").asText() + ")");
        }
        if (!similar.isEmpty()) text.append("\nSimilar closed leads: ").append(String.join("; ", similar)).append('.');
        return text.toString();
    }
}
