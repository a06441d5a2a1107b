package io.intelligencecrm.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import io.intelligencecrm.agent.offline.language.RecordMention;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The conversation itself: hello, what I can do, thanks, undoing the user's last change, and "no, I
 * meant the other Jane" (the call just logged moves to the contact meant).
 */
final class ConversationFrames {
    static final Set<String> WRITE_TOOLS = Set.of("createContact", "updateContact", "changeContactStage", "logInteraction",
            "createDeal", "moveDealStage", "markDealWon", "markDealLost", "createCompany", "createTask", "completeTask",
            "assignContactOwner", "assignDealOwner", "bulkChangeContactStage", "moveInteraction");
    /** Changes to one contact that "no, I meant X" redoes on X after undoing them. */
    private static final Set<String> REDONE = Set.of("changeContactStage", "updateContact");

    private ConversationFrames() {
    }

    static Part greet(Reading reading) {
        return new Part.Say("Hi! I'm your CRM assistant, running in offline mode (no AI model, so I understand plain requests "
                + "rather than everything). I can add and update contacts, companies and deals, log calls and meetings, set "
                + "reminders, and answer questions about your pipeline. Say \"what can you do?\" for examples.");
    }

    static Part help(Reading reading) {
        return new Part.Say(OfflineReplies.capabilities());
    }

    static Part thanks(Reading reading) {
        return new Part.Say("You're welcome. Anything else? (This is offline mode: \"what can you do\" lists what I understand.)");
    }

    static Part unknown(Reading reading) {
        return new Part.Say(OfflineReplies.help(reading.text()));
    }

    static Part undo(Reading reading) {
        if (!reading.offers("undoLastChange")) {
            return new Part.Say("I cannot undo changes here. Open the record and change it back, or ask an admin.");
        }
        return new Part.Steps(Plan.single("undo changes", "undoLastChange", Map.of()));
    }

    /** "no, I meant the other Jane": the last change moves to the record meant, or is redone on it. */
    static Part correct(Reading reading) {
        Optional<ToolExecutionResultMessage> last = reading.conversation().lastWrite(WRITE_TOOLS);
        if (last.isEmpty()) {
            return new Part.Say("I have not changed anything in this conversation yet, so there is nothing to correct.");
        }
        JsonNode result = OfflineReplies.parse(last.get().text());
        UUID wrong = contactOf(result);
        String tool = last.get().toolName();
        Target target = other(reading, wrong);
        if (tool.equals("logInteraction") && result != null && result.hasNonNull("interactionId")) {
            if (!reading.offers("moveInteraction")) return new Part.Say("I cannot move a logged interaction here; delete it from the"
                    + " contact's timeline and log it again on the right contact.");
            Action move = Action.of("move interactions", RecordMention.CONTACT, "moveInteraction", "contactId",
                    Map.of("interactionId", result.get("interactionId").asText()));
            return move.part(target, "Which contact should it be on instead? Give me their name or email.");
        }
        Optional<ToolExecutionRequest> request = requestOf(reading.conversation(), last.get());
        if (REDONE.contains(tool) && request.isPresent() && reading.offers("undoLastChange")) {
            Map<String, Object> arguments = new LinkedHashMap<>(OfflineReplies.arguments(request.get().arguments()));
            arguments.remove("contactId");
            java.util.function.Function<RecordMention, Part> redo = record -> new Part.Steps(new Plan("change contacts",
                    List.of(Plan.Step.of("undoLastChange", Map.of()), Plan.Step.of(tool, with(arguments, record.id()))), null));
            return switch (target) {
                case Target.Known known -> new Part.Steps(new Plan("change contacts", List.of(
                        Plan.Step.of("undoLastChange", Map.of()), Plan.Step.of(tool, with(arguments, known.id()))), null));
                case Target.Choice choice -> Action.which(RecordMention.CONTACT, choice, redo);
                default -> new Part.Question("Which contact did you mean? Give me their name or email.", List.of(),
                        RecordMention.CONTACT, redo);
            };
        }
        return new Part.Say("I cannot move that change to another record. Say \"undo that\" and then ask again with the right name.");
    }

    private static Map<String, Object> with(Map<String, Object> arguments, UUID contactId) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("contactId", contactId.toString());
        all.putAll(arguments);
        return all;
    }

    /** The contact the message names that is not the one just changed. */
    private static Target other(Reading reading, UUID wrong) {
        List<List<RecordMention>> groups = reading.mentions(RecordMention.CONTACT);
        for (List<RecordMention> group : groups) {
            List<RecordMention> others = new ArrayList<>(group.stream().filter(candidate -> !candidate.id().equals(wrong)).toList());
            if (others.isEmpty()) continue;
            List<RecordMention> plain = others.stream().map(RecordMention::notRecent).toList();
            return Reading.choose(plain, group.getFirst().name().split(" ")[0]);
        }
        return new Target.Missing();
    }

    private static UUID contactOf(JsonNode result) {
        if (result == null) return null;
        if (result.hasNonNull("contactId")) return UUID.fromString(result.get("contactId").asText());
        if (result.path("contact").hasNonNull("id")) return UUID.fromString(result.path("contact").get("id").asText());
        return null;
    }

    private static Optional<ToolExecutionRequest> requestOf(Conversation conversation, ToolExecutionResultMessage result) {
        for (Conversation.Turn turn : conversation.turns()) {
            for (ToolExecutionRequest request : turn.requests()) {
                if (request.id() != null && request.id().equals(result.id())) return Optional.of(request);
            }
        }
        return Optional.empty();
    }
}
