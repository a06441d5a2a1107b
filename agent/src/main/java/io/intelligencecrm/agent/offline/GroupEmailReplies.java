package io.intelligencecrm.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * What offline mode says about an email to a group: who it goes to and, by name, who it cannot reach
 * (no address, unsubscribed, over the per-email cap), so nobody is dropped without the user knowing.
 */
final class GroupEmailReplies {
    static final String AUDIENCE_TOOL = "findEmailAudience";
    private static final int NAMED = 10;

    private GroupEmailReplies() {
    }

    /** True when the result is a group's recipients from {@link #AUDIENCE_TOOL}. */
    static boolean isAudience(ToolExecutionResultMessage result) {
        return AUDIENCE_TOOL.equals(result.toolName()) && !Boolean.TRUE.equals(result.isError());
    }

    /** The group has nobody who can be emailed: say why, and propose nothing. */
    static String nobody(ToolExecutionResultMessage audience) {
        JsonNode node = OfflineReplies.parse(audience.text());
        if (node == null || node.path("matching").asLong() == 0) {
            String note = node == null ? "" : node.path("note").asText("");
            return "Nobody matches that group, so I did not propose an email."
                    + (note.isBlank() || note.equals("No contacts match.") ? "" : " " + note)
                    + " Check the company, stage, country or dates, or try \"find contacts at Acme\" to see who is there.";
        }
        return "None of the " + node.path("matching").asLong() + " contacts in that group can be emailed, so I did not"
                + " propose an email." + skipped(node);
    }

    /** After the proposal: what was proposed, the shared text, and who was left out and why. */
    static String proposed(String proposalAnswer, ToolExecutionResultMessage audience, String subject, String body) {
        JsonNode node = OfflineReplies.parse(audience.text());
        StringBuilder text = new StringBuilder(proposalAnswer);
        text.append("\n\nSubject: ").append(subject).append("\n\n").append(body);
        if (node != null) text.append("\n\nThe same text goes to every recipient.").append(skipped(node));
        return text.toString();
    }

    private static String skipped(JsonNode node) {
        StringBuilder text = new StringBuilder();
        List<String> withoutEmail = texts(node.path("withoutEmail"));
        List<String> unsubscribed = texts(node.path("unsubscribed"));
        if (!withoutEmail.isEmpty()) {
            text.append(" Skipped ").append(withoutEmail.size()).append(" without an email address: ")
                    .append(named(withoutEmail)).append('.');
        }
        if (!unsubscribed.isEmpty()) {
            text.append(" Skipped ").append(unsubscribed.size()).append(" who unsubscribed or cannot receive mail: ")
                    .append(named(unsubscribed)).append('.');
        }
        List<String> notYours = texts(node.path("notYours"));
        if (!notYours.isEmpty()) {
            text.append(" Skipped ").append(notYours.size()).append(" owned by a colleague (a rep emails only their own")
                    .append(" contacts): ").append(named(notYours)).append('.');
        }
        int overCap = node.path("overCap").asInt();
        if (overCap > 0) {
            text.append(" The group is larger than one email may go to: ").append(overCap)
                    .append(overCap == 1 ? " more contact was" : " more contacts were")
                    .append(" left out. Narrow the group (by company, stage or country) to reach them.");
        }
        return text.toString();
    }

    private static String named(List<String> names) {
        if (names.size() <= NAMED) return String.join(", ", names);
        return String.join(", ", names.subList(0, NAMED)) + " and " + (names.size() - NAMED) + " more";
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
