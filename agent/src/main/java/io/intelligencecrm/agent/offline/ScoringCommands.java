package io.intelligencecrm.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lead-score questions: score my leads, why someone has their score, whom to call today, and whose
 * score dropped. The explanation is answered from the stored evidence, never from the question's
 * own number ("why is Jane a 82?" works whatever her score is).
 */
final class ScoringCommands {
    private static final Pattern SCORE_MINE = Pattern.compile(
            "(?i)^\\s*(?:please\\s+)?(?:re-?)?score\\s+(?:all\\s+)?(?:of\\s+)?my\\s+(?:open\\s+)?(?:leads|contacts|prospects)\\s*[.!?]?$");
    private static final Pattern WHY = Pattern.compile(
            "(?i)^\\s*why\\s+(?:is|does)\\s+(?<who>.+?)(?:'s|’s)?\\s+(?:(?:lead\\s+)?score\\s+(?:so\\s+)?(?:high|low|\\d{1,3})"
                    + "|(?:scored?|rated|at|an?|have\\s+(?:a\\s+)?(?:score\\s+of\\s+)?)\\s*\\d{1,3}(?:\\s*(?:points|/\\s*100))?"
                    + "|(?:scored?\\s+)?so\\s+(?:high|low))\\s*[?.!]?$");
    private static final Pattern EXPLAIN = Pattern.compile(
            "(?i)^\\s*(?:explain|show)\\s+(?:me\\s+)?(?:the\\s+)?(?:lead\\s+)?score\\s+(?:of|for)\\s+(?<who>.+?)\\s*[?.!]?$"
                    + "|^\\s*(?:explain|show)\\s+(?:me\\s+)?(?<owner>.+?)(?:'s|’s)\\s+(?:lead\\s+)?score\\s*[?.!]?$");
    private static final Pattern TO_CALL = Pattern.compile(
            "(?i)^.*\\b(?:top|best|hottest)\\s+(?:(?<count>\\d{1,2})\\s+)?(?:(?<mine>my)\\s+)?leads\\b.*$"
                    + "|^.*\\b(?:which|what|who)\\s+(?:leads\\s+)?should\\s+I\\s+call\\b.*$"
                    + "|^.*\\bleads\\s+(?:to\\s+call|I\\s+should\\s+call)\\b.*$");
    private static final Pattern DROPPED = Pattern.compile(
            "(?i)^.*\\b(?:leads?|scores?|contacts?)\\b.*\\b(?:dropped|fell|fallen|went\\s+down|decreased)\\b.*$");
    private static final Pattern DAYS = Pattern.compile("(?i)(?:last|past)\\s+(\\d{1,2})\\s+days");
    private static final Pattern MINE = Pattern.compile("(?i)\\bmy\\b");

    private ScoringCommands() {
    }

    /** @return the plan, or null when the text is no scoring question */
    static Plan understand(String text) {
        if (SCORE_MINE.matcher(text).matches()) return Plan.single("score leads", "scoreMyLeads", Map.of());
        Matcher why = WHY.matcher(text);
        if (why.matches()) return explain(why.group("who"));
        Matcher explain = EXPLAIN.matcher(text);
        if (explain.matches()) return explain(explain.group("who") != null ? explain.group("who") : explain.group("owner"));
        if (DROPPED.matcher(text).matches()) {
            Matcher days = DAYS.matcher(text);
            Map<String, Object> arguments = new LinkedHashMap<>();
            arguments.put("days", days.find() ? Integer.parseInt(days.group(1))
                    : text.toLowerCase(Locale.ROOT).contains("month") ? 30 : 7);
            if (MINE.matcher(text).find()) arguments.put("onlyMine", true);
            return Plan.single("see score drops", "scoreDrops", arguments);
        }
        Matcher toCall = TO_CALL.matcher(text);
        if (toCall.matches()) {
            Map<String, Object> arguments = new LinkedHashMap<>();
            String count = toCall.group("count");
            arguments.put("limit", count == null ? 10 : Math.min(Integer.parseInt(count), 20));
            if (MINE.matcher(text).find()) arguments.put("onlyMine", true);
            return Plan.single("see leads to call", "leadsToCall", arguments);
        }
        return null;
    }

    private static Plan explain(String who) {
        return Plan.lookup("explain scores", "searchContacts", who.strip(), Plan.Step.needingId("explainScore", "contactId",
                Map.of()));
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
