package io.intelligencecrm.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.agent.offline.language.RecordMention;
import io.intelligencecrm.agent.offline.language.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the records matcher's result (the {@code matchRecords} tool) into record spans of the message:
 * which words name which of the tenant's contacts, companies, deals and team members, and how well.
 * Records this conversation already showed are marked, since they are the likelier ones.
 */
final class RecordMatches {
    static final String TOOL = "matchRecords";

    /** Records this many back in the conversation are passed to the matcher, to rank first. */
    private static final int RECENT = 20;
    /** A first name alone scores 0.5; lookalike words score less. */
    static final double MIN_SCORE = 0.5;

    private RecordMatches() {
    }

    /** The matcher's arguments: the message, and the records the conversation created or showed, latest first. */
    static Map<String, Object> arguments(String text, Conversation conversation) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("text", text);
        List<String> recent = conversation.seenIds().stream().limit(RECENT).map(UUID::toString).toList();
        if (!recent.isEmpty()) arguments.put("recentIds", recent);
        return arguments;
    }

    static List<Span> parse(String result, String text, Set<UUID> seen) {
        List<Span> spans = new ArrayList<>();
        JsonNode node = OfflineReplies.parse(result);
        if (node == null) return spans;
        JsonNode matches = node.has("matches") ? node.get("matches") : node.has("spans") ? node.get("spans") : node.path("records");
        if (matches.isArray()) {
            for (JsonNode match : matches) {
                JsonNode candidates = match.has("candidates") ? match.get("candidates") : null;
                if (candidates != null && candidates.isArray()) {
                    for (JsonNode candidate : candidates) add(spans, text, match, candidate, seen);
                } else {
                    add(spans, text, match, match, seen);
                }
            }
        } else if (node.has("columns") && node.has("rows")) {
            List<String> columns = new ArrayList<>();
            node.get("columns").forEach(column -> columns.add(column.asText().toLowerCase(Locale.ROOT)));
            for (JsonNode row : node.get("rows")) {
                var object = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                for (int i = 0; i < columns.size() && i < row.size(); i++) object.set(columns.get(i), row.get(i));
                add(spans, text, object, object, seen);
            }
        }
        return spans;
    }

    private static void add(List<Span> spans, String text, JsonNode match, JsonNode record, Set<UUID> seen) {
        String kind = kind(first(record, "kind", "type", "recordType").isEmpty() ? first(match, "kind", "type")
                : first(record, "kind", "type", "recordType"));
        String idText = first(record, "id", "recordId");
        if (kind == null || idText.isEmpty()) return;
        UUID id;
        try {
            id = UUID.fromString(idText);
        } catch (IllegalArgumentException notAnId) {
            return;
        }
        int[] where = where(text, match);
        if (where == null) return;
        where = trimmed(text, where, first(record, "name", "label", "fullName", "title"));
        if (!record.path("exact").asBoolean(false) && Surnames.followsPartOf(text, where, first(record, "name", "label"))) return;
        double score = record.has("score") ? record.get("score").asDouble() : record.has("similarity")
                ? record.get("similarity").asDouble() : match.path("score").asDouble(0.5);
        String name = first(record, "name", "label", "fullName", "title");
        String detail = first(record, "detail", "stage", "role");
        String email = first(record, "email");
        if (email.isEmpty() && detail.matches("[^\\s,@]+@[^\\s,@]+")) email = detail;
        String company = first(record, "company", "companyName");
        if (company.isEmpty() && kind.equals(RecordMention.CONTACT) && !detail.contains("@")) company = detail;
        boolean recent = seen.contains(id) || record.path("recent").asBoolean(false) || record.path("inConversation").asBoolean(false);
        // Below this a match is a lookalike word ("March" for Marco, "COO" for Sterling Cooper), not a name.
        if (score < MIN_SCORE && !recent && !record.path("exact").asBoolean(false)) return;
        if (!recent && commonWordOf(kind, text.substring(where[0], where[1]), name)) return;
        RecordMention mention = new RecordMention(kind, id, name.isEmpty() ? text.substring(where[0], where[1]) : name,
                score, blankToNull(email), blankToNull(company), blankToNull(detail),
                recent, record.path("exact").asBoolean(false), record.path("spanMatches").asInt(1));
        spans.add(new Span(where[0], where[1], text.substring(where[0], where[1]), Span.Kind.RECORD, mention));
    }

    /**
     * "the security review" is not Ironclad Security: one lower-case word that is a later word of a
     * company's or deal's name is an everyday word there; the first word ("acme") still names it.
     */
    private static boolean commonWordOf(String kind, String words, String name) {
        if (!kind.equals(RecordMention.COMPANY) && !kind.equals(RecordMention.DEAL) || name.isEmpty()) return false;
        if (words.contains(" ") || !words.equals(words.toLowerCase(Locale.ROOT))) return false;
        String[] parts = name.toLowerCase(Locale.ROOT).split("[\\s-]+");
        if (parts[0].startsWith(words) || words.startsWith(parts[0])) return false;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].length() >= 3 && (parts[i].startsWith(words) || words.startsWith(parts[i]))) return true;
        }
        return false;
    }

    /** The words' offsets: given by the matcher, or found in the text. */
    private static int[] where(String text, JsonNode match) {
        if (match.has("start") && match.has("end")) {
            int start = match.get("start").asInt();
            int end = match.get("end").asInt();
            if (start >= 0 && end <= text.length() && start < end) return new int[] {start, end};
        }
        String words = first(match, "text", "span", "matched", "words", "fragment");
        if (words.isEmpty()) return null;
        int start = text.toLowerCase(Locale.ROOT).indexOf(words.toLowerCase(Locale.ROOT));
        return start < 0 ? null : new int[] {start, start + words.length()};
    }

    /** Words across punctuation ("Grace Liu: Orbitel") are narrowed to the part naming the record. */
    private static int[] trimmed(String text, int[] where, String name) {
        String words = text.substring(where[0], where[1]);
        if (!words.matches("(?s).*[,:;()\\[\\]].*") || name.isEmpty()) return where;
        int at = words.toLowerCase(Locale.ROOT).indexOf(name.toLowerCase(Locale.ROOT));
        if (at >= 0) return new int[] {where[0] + at, where[0] + at + name.length()};
        String[] pieces = words.split("[,:;()\\[\\]]");
        int offset = 0;
        for (String piece : pieces) {
            String lower = piece.toLowerCase(Locale.ROOT).strip();
            if (!lower.isEmpty() && name.toLowerCase(Locale.ROOT).contains(lower.split("\\s+")[0])) {
                int start = where[0] + offset + piece.indexOf(piece.strip());
                return new int[] {start, start + piece.strip().length()};
            }
            offset += piece.length() + 1;
        }
        return where;
    }

    private static String kind(String raw) {
        if (raw == null || raw.isEmpty()) return null;
        String kind = raw.toLowerCase(Locale.ROOT);
        if (kind.startsWith("contact") || kind.equals("person")) return RecordMention.CONTACT;
        if (kind.startsWith("compan") || kind.equals("account")) return RecordMention.COMPANY;
        if (kind.startsWith("deal") || kind.startsWith("opportunit")) return RecordMention.DEAL;
        if (kind.startsWith("member") || kind.startsWith("user") || kind.startsWith("team")) return RecordMention.MEMBER;
        return null;
    }

    private static String first(JsonNode node, String... names) {
        for (String name : names) {
            if (node.hasNonNull(name) && node.get(name).isValueNode()) return node.get(name).asText();
        }
        return "";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
