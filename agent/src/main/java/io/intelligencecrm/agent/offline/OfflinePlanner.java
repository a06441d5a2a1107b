package io.intelligencecrm.agent.offline;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Decides the offline model's next step from the conversation: the tool calls for the user's latest
 * command, a follow-up call once an earlier result is in (find the contact, then log the call), or
 * the answer written from the results. Only tools offered in the request are ever called, so the
 * role's limits hold offline too.
 */
final class OfflinePlanner {
    private final OfflineCommands commands = new OfflineCommands();

    AiMessage next(List<ChatMessage> messages, List<ToolSpecification> offered) {
        Set<String> tools = offered == null ? Set.of()
                : offered.stream().map(ToolSpecification::name).collect(Collectors.toSet());
        int lastUser = lastUserIndex(messages);
        if (lastUser < 0) return AiMessage.from(OfflineReplies.help(""));
        String text = ((UserMessage) messages.get(lastUser)).singleText();
        List<ToolExecutionResultMessage> results = new ArrayList<>();
        for (ChatMessage message : messages.subList(lastUser + 1, messages.size())) {
            if (message instanceof ToolExecutionResultMessage result) results.add(result);
        }
        OfflineCommands.Plan plan = commands.understand(text);
        if (plan == null) return AiMessage.from(OfflineReplies.help(text));
        if (results.isEmpty()) {
            // A lookup whose follow-up the role may not make would only lead to a refusal: refuse at once.
            if (plan.followUpTool() != null && !tools.contains(plan.followUpTool())) return refusal(plan);
            return call(plan.firstTool(), plan.firstArguments(), tools, plan);
        }
        ToolExecutionResultMessage last = results.getLast();
        if (plan.followUpTool() != null && results.size() == 1 && !Boolean.TRUE.equals(last.isError())) {
            List<UUID> ids = OfflineReplies.ids(last.text());
            if (ids.size() == 1) {
                Map<String, Object> arguments = new LinkedHashMap<>(plan.followUpArguments());
                arguments.put(plan.followUpIdArgument(), ids.getFirst().toString());
                return call(plan.followUpTool(), arguments, tools, plan);
            }
            return AiMessage.from(ids.isEmpty() ? "I could not find anyone matching \"" + plan.subject()
                    + "\". Check the name, or add them first."
                    : "Several contacts match \"" + plan.subject() + "\" (shown above). Which one do you mean? "
                    + "Use their email to be precise.");
        }
        return AiMessage.from(OfflineReplies.answer(last));
    }

    private static AiMessage call(String tool, Map<String, Object> arguments, Set<String> offered,
                                  OfflineCommands.Plan plan) {
        if (!offered.contains(tool)) return refusal(plan);
        return AiMessage.from(List.of(ToolExecutionRequest.builder().id("offline-" + UUID.randomUUID())
                .name(tool).arguments(OfflineReplies.json(arguments)).build()));
    }

    private static AiMessage refusal(OfflineCommands.Plan plan) {
        return AiMessage.from("Your role cannot " + plan.description() + ", so I did not try. Ask a manager or"
                + " an admin if it needs doing.");
    }

    private static int lastUserIndex(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage user && user.hasSingleText()) return i;
        }
        return -1;
    }
}
