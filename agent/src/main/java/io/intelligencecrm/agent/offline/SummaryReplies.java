package io.intelligencecrm.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers worded from the results of counts, account summaries, tasks, undo and revenue: the figure
 * itself in the sentence, since a count or a total is the whole answer.
 */
final class SummaryReplies {
    private static final int TOUCHES = 2;

    private SummaryReplies() {
    }

    /** The sentence for a result of one of these shapes, or null when it is none of them. */
    static String answer(String tool, JsonNode node) {
        if (node.has("count") && node.has("counted")) {
            long count = node.path("count").asLong();
            return count + " " + node.path("counted").asText(node.path("kind").asText("records")) + ".";
        }
        if (node.has("contactCount") && node.has("openDealCount")) return account(node);
        if (node.path("task").isObject()) {
            JsonNode task = node.path("task");
            String due = task.path("due").asText("");
            String contact = task.path("contact").asText("");
            boolean done = "done".equals(node.path("result").asText()) || "done".equals(task.path("state").asText());
            return (done ? "Marked done: " : "Task created: ") + task.path("title").asText()
                    + (due.isBlank() || done ? "" : ", due " + due) + (contact.isBlank() ? "" : " (" + contact + ")") + ".";
        }
        if (node.has("result") && node.has("detail") && node.size() == 2) {
            return node.path("result").asText().equals("undone") ? "Undone: " + node.path("detail").asText()
                    : "I could not undo that: " + node.path("detail").asText();
        }
        if ("moveInteraction".equals(tool) && node.has("interactionId")) {
            return "Moved the " + node.path("type").asText("interaction") + " to the contact you meant.";
        }
        if ("closedRevenue".equals(tool) && node.has("rows")) return revenue(node);
        return null;
    }

    private static String account(JsonNode node) {
        StringBuilder text = new StringBuilder(node.path("name").asText());
        long contacts = node.path("contactCount").asLong();
        long deals = node.path("openDealCount").asLong();
        text.append(": ").append(contacts).append(contacts == 1 ? " contact" : " contacts").append(", ").append(deals)
                .append(deals == 1 ? " open deal" : " open deals");
        List<String> pipeline = new ArrayList<>();
        node.path("openPipeline").fields().forEachRemaining(entry -> pipeline.add(entry.getKey() + " " + entry.getValue().asText()));
        if (!pipeline.isEmpty()) text.append(" worth ").append(String.join(" + ", pipeline));
        if (!node.path("owner").asText("").isBlank()) text.append(", owned by ").append(node.path("owner").asText());
        text.append('.');
        List<String> touches = new ArrayList<>();
        for (JsonNode touch : node.path("lastTouches")) {
            if (touches.size() == TOUCHES) break;
            touches.add(touch.path("type").asText() + " with " + touch.path("contactName").asText() + " on "
                    + touch.path("occurredAt").asText().split("T")[0]);
        }
        if (!touches.isEmpty()) text.append(" Latest: ").append(String.join("; ", touches)).append('.');
        return text.toString();
    }

    /** "Closed revenue last month: USD 120000 from 4 deals." for each currency. */
    private static String revenue(JsonNode node) {
        String title = node.path("title").asText("Closed revenue");
        if (node.path("rows").isEmpty()) return title + ": nothing was won in that period.";
        List<String> totals = new ArrayList<>();
        for (JsonNode row : node.path("rows")) {
            if (row.size() >= 3) {
                totals.add(row.get(0).asText() + " " + row.get(2).asText() + " from " + row.get(1).asText()
                        + (row.get(1).asText().equals("1") ? " deal" : " deals"));
            }
        }
        return totals.isEmpty() ? title + ": shown above." : title + ": " + String.join("; ", totals) + ".";
    }
}
