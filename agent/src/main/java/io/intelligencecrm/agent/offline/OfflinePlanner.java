package io.intelligencecrm.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import io.intelligencecrm.agent.chat.ChatApprovals;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Decides the offline model's next step from the conversation: the plan for the user's latest command
 * is a chain of tool calls, and the results already in this turn say which step comes next (find the
 * contact, draft to them, propose sending); after the last, the answer is written from its result.
 * Only tools offered in the request are ever called, so the role's limits hold offline too.
 */
final class OfflinePlanner {
    private final OfflineCommands commands = new OfflineCommands();

    AiMessage next(List<ChatMessage> messages, List<ToolSpecification> offered) {
        Set<String> tools = offered == null ? Set.of()
                : offered.stream().map(ToolSpecification::name).collect(Collectors.toSet());
        int lastUser = lastUserIndex(messages, messages.size());
        if (lastUser < 0) return AiMessage.from(OfflineReplies.help(""));
        String text = ((UserMessage) messages.get(lastUser)).singleText();
        List<ChatMessage> earlier = messages.subList(0, lastUser);
        List<ToolExecutionResultMessage> results = new ArrayList<>();
        for (ChatMessage message : messages.subList(lastUser + 1, messages.size())) {
            if (message instanceof ToolExecutionResultMessage result) results.add(result);
        }
        LocalDate today = RelativeDates.today(messages);
        Plan plan = commands.understand(text, today);
        if (plan == null && References.isOrdinal(text)) plan = choiceFor(earlier, text, today);
        // A pending proposal is decided before any model runs; reaching here means none is waiting.
        if (plan == null && ChatApprovals.isDecision(text)) {
            return AiMessage.from("Nothing is waiting for your approval in this conversation, so there is nothing to "
                    + "approve or reject.");
        }
        if (plan == null) return AiMessage.from(OfflineReplies.help(text));
        // A lookup whose follow-up the role may not make would only lead to a refusal: refuse at once.
        for (Plan.Step step : plan.steps()) {
            if (!tools.contains(step.tool())) return refusal(plan);
        }
        if (plan.subject() != null && References.isReference(plan.subject())) {
            References.Outcome reference = References.resolve(plan.subject(), earlier, plan.lookupTool());
            if (reference.question() != null) return AiMessage.from(reference.question());
            plan = plan.withKnownSubject(reference.id());
        }
        if (results.isEmpty()) return call(plan.steps().getFirst().tool(), plan.steps().getFirst().arguments());
        ToolExecutionResultMessage last = results.getLast();
        if (Boolean.TRUE.equals(last.isError()) || results.size() >= plan.steps().size()) {
            String answer = OfflineReplies.answer(last);
            if (results.size() > 1 && GroupEmailReplies.isAudience(results.getFirst()) && !Boolean.TRUE.equals(last.isError())) {
                Map<String, Object> email = plan.steps().getLast().arguments();
                answer = GroupEmailReplies.proposed(answer, results.getFirst(), String.valueOf(email.get("subject")),
                        String.valueOf(email.get("body")));
            }
            return AiMessage.from(answer);
        }
        Plan.Step step = plan.steps().get(results.size());
        Map<String, Object> arguments = new LinkedHashMap<>(step.arguments());
        for (Map.Entry<String, String> carried : step.carried().entrySet()) {
            if (carried.getValue().equals(Plan.ID)) {
                List<UUID> ids = OfflineReplies.ids(last.text());
                if (ids.size() != 1) return AiMessage.from(notOne(plan, ids.isEmpty()));
                arguments.put(carried.getKey(), ids.getFirst().toString());
            } else if (carried.getValue().equals(Plan.IDS)) {
                List<UUID> ids = OfflineReplies.ids(last.text());
                if (ids.isEmpty()) {
                    return AiMessage.from(GroupEmailReplies.isAudience(last) ? GroupEmailReplies.nobody(last)
                            : "No contacts match, so nothing was changed.");
                }
                arguments.put(carried.getKey(), ids.stream().map(UUID::toString).toList());
            } else {
                JsonNode value = field(last.text(), carried.getValue());
                if (value == null) return AiMessage.from(OfflineReplies.answer(last));
                arguments.put(carried.getKey(), value.asText());
            }
        }
        return call(step.tool(), arguments);
    }

    /** "the second one" answers the question the previous command ended with: that command, with the choice. */
    private Plan choiceFor(List<ChatMessage> earlier, String choice, LocalDate today) {
        int previous = lastUserIndex(earlier, earlier.size());
        if (previous < 0) return null;
        Plan plan = commands.understand(((UserMessage) earlier.get(previous)).singleText(), today);
        if (plan == null || plan.subject() == null) return null;
        return new Plan(plan.description(), plan.steps(), choice.strip());
    }

    private static String notOne(Plan plan, boolean none) {
        if ("listWorkflows".equals(plan.lookupTool())) {
            return none ? "I could not find a workflow named like \"" + plan.subject() + "\". Say \"show my workflows\" "
                    + "to see their names."
                    : "Several workflows match \"" + plan.subject() + "\" (shown above). Which one do you mean? Say "
                    + "\"the first one\", \"the second one\", ... or use more of its name.";
        }
        boolean deals = "findDeals".equals(plan.lookupTool());
        if (deals) {
            return none ? "I could not find a deal matching \"" + plan.subject() + "\". Check the name with \"find"
                    + " deals\", or create it first."
                    : "Several deals match \"" + plan.subject() + "\" (shown above). Which one do you mean? "
                    + "Say \"the first one\", \"the second one\", ... or use more of its name.";
        }
        return none ? "I could not find anyone matching \"" + plan.subject() + "\". Check the name, or add them first."
                : "Several contacts match \"" + plan.subject() + "\" (shown above). Which one do you mean? "
                + "Use their email to be precise, or say \"the first one\", \"the second one\", ...";
    }

    private static JsonNode field(String result, String name) {
        JsonNode node = OfflineReplies.parse(result);
        return node == null || !node.hasNonNull(name) ? null : node.get(name);
    }

    private static AiMessage call(String tool, Map<String, Object> arguments) {
        return AiMessage.from(List.of(ToolExecutionRequest.builder().id("offline-" + UUID.randomUUID())
                .name(tool).arguments(OfflineReplies.json(arguments)).build()));
    }

    private static AiMessage refusal(Plan plan) {
        return AiMessage.from("Your role cannot " + plan.description() + ", so I did not try. Ask a manager or"
                + " an admin if it needs doing.");
    }

    private static int lastUserIndex(List<ChatMessage> messages, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage user && user.hasSingleText()) return i;
        }
        return -1;
    }
}
