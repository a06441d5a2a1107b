package io.intelligencecrm.agent.offline;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Talks to the offline model the way the agent runtime does: each tool call it asks for is answered
 * by the test's function for that tool, until it answers in words. The records matcher is answered
 * from a {@link Directory}. Keeps the conversation across turns.
 */
final class Harness {
    record Call(String tool, Map<String, Object> arguments) {
    }

    record Turn(List<Call> calls, String answer) {
        Call only(String tool) {
            return calls.stream().filter(call -> call.tool().equals(tool)).reduce((a, b) -> {
                throw new AssertionError("two calls of " + tool + ": " + calls);
            }).orElseThrow(() -> new AssertionError("no call of " + tool + " in " + calls + "; answer: " + answer));
        }

        boolean wrote() {
            return calls.stream().anyMatch(call -> !call.tool().equals("matchRecords") && !call.tool().startsWith("find")
                    && !call.tool().startsWith("search") && !call.tool().startsWith("list") && !call.tool().startsWith("get"));
        }
    }

    private final OfflineModel model;
    private final List<ToolSpecification> tools;
    private final Directory directory;
    private final Map<String, Function<Map<String, Object>, String>> answers;
    private final List<ChatMessage> history = new ArrayList<>();

    Harness(OfflineModel model, List<ToolSpecification> tools, Directory directory,
            Map<String, Function<Map<String, Object>, String>> answers) {
        this.model = model;
        this.tools = tools;
        this.directory = directory;
        this.answers = answers;
    }

    Turn say(String text) {
        history.add(UserMessage.from(text));
        List<Call> calls = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            AiMessage reply = model.chat(OfflineConversations.request(tools, history.toArray(ChatMessage[]::new))).aiMessage();
            history.add(reply);
            if (!reply.hasToolExecutionRequests()) return new Turn(calls, reply.text());
            for (ToolExecutionRequest request : reply.toolExecutionRequests()) {
                Map<String, Object> arguments = OfflineConversations.arguments(request);
                calls.add(new Call(request.name(), arguments));
                String result = request.name().equals("matchRecords") ? directory.match(String.valueOf(arguments.get("text")))
                        : answers.getOrDefault(request.name(), args -> "{\"result\":\"ok\"}").apply(arguments);
                history.add(ToolExecutionResultMessage.from(request, result));
            }
        }
        throw new AssertionError("no answer after 10 rounds: " + calls);
    }
}
