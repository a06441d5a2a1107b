package io.intelligencecrm.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conversation as the offline model reads it: the user's messages, each with the tool calls and
 * results and the answer that followed it (a turn), the day and time zone from the system prompt,
 * and the records the conversation showed or changed, latest first.
 */
final class Conversation {
    private static final Pattern TODAY_LINE = Pattern.compile("Today is \\w+, (\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern ZONE_LINE = Pattern.compile("time zone is ([\\w/+-]+)");

    /** One user message and what followed it. */
    record Turn(String text, List<ChatMessage> after) {

        List<ToolExecutionResultMessage> results() {
            List<ToolExecutionResultMessage> results = new ArrayList<>();
            for (ChatMessage message : after) {
                if (message instanceof ToolExecutionResultMessage result) results.add(result);
            }
            return results;
        }

        /** The turn's final answer, or null while it runs. */
        String answer() {
            for (int i = after.size() - 1; i >= 0; i--) {
                if (after.get(i) instanceof AiMessage ai && !ai.hasToolExecutionRequests() && ai.text() != null) {
                    return ai.text();
                }
            }
            return null;
        }

        List<ToolExecutionRequest> requests() {
            List<ToolExecutionRequest> requests = new ArrayList<>();
            for (ChatMessage message : after) {
                if (message instanceof AiMessage ai && ai.hasToolExecutionRequests()) requests.addAll(ai.toolExecutionRequests());
            }
            return requests;
        }
    }

    /** A record a tool result named: its kind (contact, deal, company, interaction, task) and id. */
    record Seen(String kind, UUID id, String name, String tool, JsonNode node) {
    }

    private final List<Turn> turns;
    private final LocalDate today;
    private final ZoneId zone;

    private Conversation(List<Turn> turns, LocalDate today, ZoneId zone) {
        this.turns = turns;
        this.today = today;
        this.zone = zone;
    }

    static Conversation of(List<ChatMessage> messages) {
        LocalDate today = null;
        ZoneId zone = ZoneOffset.UTC;
        List<Turn> turns = new ArrayList<>();
        String text = null;
        List<ChatMessage> after = new ArrayList<>();
        for (ChatMessage message : messages) {
            if (message instanceof SystemMessage system) {
                Matcher line = TODAY_LINE.matcher(system.text());
                if (line.find()) today = LocalDate.parse(line.group(1));
                Matcher zoneLine = ZONE_LINE.matcher(system.text());
                if (zoneLine.find()) zone = zone(zoneLine.group(1));
            } else if (message instanceof UserMessage user && user.hasSingleText()) {
                if (text != null) turns.add(new Turn(text, after));
                text = user.singleText();
                after = new ArrayList<>();
            } else if (text != null) {
                after.add(message);
            }
        }
        if (text != null) turns.add(new Turn(text, after));
        return new Conversation(turns, today == null ? LocalDate.now(zone) : today, zone);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id.replaceAll("[.;,]+$", ""));
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    List<Turn> turns() {
        return turns;
    }

    boolean isEmpty() {
        return turns.isEmpty();
    }

    Turn current() {
        return turns.getLast();
    }

    /** The turn before the current one, if any. */
    Optional<Turn> previous() {
        return turns.size() < 2 ? Optional.empty() : Optional.of(turns.get(turns.size() - 2));
    }

    /** The conversation as it stood when the previous turn began (for reading that turn again). */
    Conversation beforePrevious() {
        return new Conversation(turns.subList(0, Math.max(0, turns.size() - 1)), today, zone);
    }

    LocalDate today() {
        return today;
    }

    ZoneId zone() {
        return zone;
    }

    /** Every record earlier turns named, latest first (the current turn's own results are not included). */
    List<Seen> seen() {
        List<Seen> seen = new ArrayList<>();
        for (int t = turns.size() - 2; t >= 0; t--) {
            List<ToolExecutionResultMessage> results = turns.get(t).results();
            for (int r = results.size() - 1; r >= 0; r--) seen.addAll(RecordsSeen.in(results.get(r)));
        }
        return seen;
    }

    Set<UUID> seenIds() {
        Set<UUID> ids = new LinkedHashSet<>();
        seen().forEach(record -> ids.add(record.id()));
        return ids;
    }

    /** The latest record of this kind the conversation named, when that result named only one. */
    Optional<Seen> focus(String kind) {
        for (int t = turns.size() - 2; t >= 0; t--) {
            List<ToolExecutionResultMessage> results = turns.get(t).results();
            for (int r = results.size() - 1; r >= 0; r--) {
                List<Seen> named = RecordsSeen.in(results.get(r)).stream().filter(seen -> seen.kind().equals(kind)).toList();
                if (named.size() == 1) return Optional.of(named.getFirst());
                if (named.size() > 1) return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The records of this kind the latest result naming any listed, when it listed several ("her" then asks which). */
    List<Seen> lastList(String kind) {
        for (int t = turns.size() - 2; t >= 0; t--) {
            List<ToolExecutionResultMessage> results = turns.get(t).results();
            for (int r = results.size() - 1; r >= 0; r--) {
                List<Seen> named = RecordsSeen.in(results.get(r)).stream().filter(seen -> seen.kind().equals(kind)).toList();
                if (!named.isEmpty()) return named.size() > 1 ? named : List.of();
            }
        }
        return List.of();
    }

    /** Row {@code n} (1-based, -1 the last) of the latest list of this kind an earlier result showed. */
    Optional<Seen> row(String kind, int n) {
        for (int t = turns.size() - 2; t >= 0; t--) {
            List<ToolExecutionResultMessage> results = turns.get(t).results();
            for (int r = results.size() - 1; r >= 0; r--) {
                List<Seen> listed = RecordsSeen.in(results.get(r)).stream().filter(seen -> seen.kind().equals(kind)).toList();
                if (listed.isEmpty()) continue;
                int index = n < 0 ? listed.size() - 1 : n - 1;
                return index >= 0 && index < listed.size() ? Optional.of(listed.get(index)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The last change the user's own messages made through a write tool, with its result. */
    Optional<ToolExecutionResultMessage> lastWrite(Set<String> writeTools) {
        for (int t = turns.size() - 2; t >= 0; t--) {
            List<ToolExecutionResultMessage> results = turns.get(t).results();
            for (int r = results.size() - 1; r >= 0; r--) {
                ToolExecutionResultMessage result = results.get(r);
                if (writeTools.contains(result.toolName()) && !Boolean.TRUE.equals(result.isError())) return Optional.of(result);
            }
        }
        return Optional.empty();
    }
}
