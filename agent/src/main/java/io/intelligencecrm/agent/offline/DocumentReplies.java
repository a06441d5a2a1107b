package io.intelligencecrm.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Offline answers from the knowledge base are extractive: the best passage, quoted, with its
 * source. The planner cannot summarise, and it never answers beyond what a document says.
 */
final class DocumentReplies {
    private static final int MORE = 2;

    private DocumentReplies() {
    }

    static String answer(JsonNode result) {
        JsonNode passages = result.path("passages");
        if (!result.path("found").asBoolean() || passages.isEmpty()) {
            return "Our documents do not cover that: I found nothing in the knowledge base about \""
                    + result.path("question").asText() + "\". Upload the document that does, or ask a colleague.";
        }
        JsonNode best = passages.get(0);
        StringBuilder text = new StringBuilder("From **").append(best.path("source").asText()).append("**:\n\n> ")
                .append(best.path("quote").asText().replace("\n", " ")).append('\n');
        if (passages.size() > 1) {
            text.append("\nAlso relevant: ");
            for (int i = 1; i < Math.min(passages.size(), 1 + MORE); i++) {
                if (i > 1) text.append("; ");
                text.append(passages.get(i).path("source").asText());
            }
            text.append('.');
        }
        return text.append("\n\n(Offline mode quotes the closest passage rather than summarising it.)").toString();
    }
}
