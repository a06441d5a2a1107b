package io.intelligencecrm.agent.offline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import io.intelligencecrm.agent.chat.ChatApprovals;
import io.intelligencecrm.agent.offline.intent.IntentClassifier;
import io.intelligencecrm.agent.offline.language.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Decides the offline model's next step from the conversation. The first step of a turn asks the
 * records matcher which of the tenant's records the message names; the message is then understood
 * into a program (see {@link Understanding}), and the results already in this turn say which step of
 * which part comes next. After the last, the answer is written from the results. The program is read
 * again from the same inputs at every step, so the planner keeps no state between calls. Only tools
 * offered in the request are ever called, so the role's limits hold offline too.
 */
final class OfflinePlanner {
    private final Understanding understanding;

    OfflinePlanner(IntentClassifier classifier) {
        this.understanding = new Understanding(classifier);
    }

    AiMessage next(List<ChatMessage> messages, List<ToolSpecification> offered) {
        Set<String> tools = offered == null ? Set.of()
                : offered.stream().map(ToolSpecification::name).collect(Collectors.toSet());
        Conversation conversation = Conversation.of(messages);
        if (conversation.isEmpty()) return AiMessage.from(OfflineReplies.help(""));
        Conversation.Turn turn = conversation.current();
        List<ToolExecutionResultMessage> results = turn.results();
        boolean matcher = tools.contains(RecordMatches.TOOL) && !ChatApprovals.isDecision(turn.text());
        if (matcher && results.isEmpty()) return call(RecordMatches.TOOL, RecordMatches.arguments(turn.text(), conversation));
        List<Span> records = List.of();
        if (matcher && RecordMatches.TOOL.equals(results.getFirst().toolName())) {
            ToolExecutionResultMessage matched = results.getFirst();
            if (!Boolean.TRUE.equals(matched.isError())) {
                records = RecordMatches.parse(matched.text(), turn.text(), conversation.seenIds());
            }
            results = results.subList(1, results.size());
        }
        Program program = understanding.understand(turn.text(), records, matcher, conversation, tools);
        return run(program, results, tools);
    }

    /** The next call of the program, or its answer once every part that can run has run. */
    private static AiMessage run(Program program, List<ToolExecutionResultMessage> results, Set<String> tools) {
        List<String> answers = new ArrayList<>();
        int used = 0;
        for (Part part : program.parts()) {
            switch (part) {
                case Part.Say say -> answers.add(say.text());
                case Part.Question question -> {
                    answers.add(question.text());
                    return finish(answers);
                }
                case Part.Steps steps -> {
                    Plan plan = steps.plan();
                    if (plan.steps().stream().anyMatch(step -> !tools.contains(step.tool()))) {
                        answers.add(refusal(plan));
                        return finish(answers);
                    }
                    List<ToolExecutionResultMessage> own = results.subList(used, Math.min(results.size(), used + plan.steps().size()));
                    if (!own.isEmpty() && Boolean.TRUE.equals(own.getLast().isError())) {
                        answers.add(OfflineReplies.answer(own.getLast()));
                        return finish(answers);
                    }
                    if (own.size() < plan.steps().size()) {
                        Step next = nextStep(plan, own, results.subList(0, used + own.size()));
                        if (next.call() != null) return next.call();
                        answers.add(next.stop());
                        return finish(answers);
                    }
                    answers.add(answerOf(plan, own));
                    used += own.size();
                }
            }
        }
        return finish(answers);
    }

    /** A call to make, or the reason the plan stops here. */
    private record Step(AiMessage call, String stop) {
    }

    private static Step nextStep(Plan plan, List<ToolExecutionResultMessage> own, List<ToolExecutionResultMessage> turn) {
        Plan.Step step = plan.steps().get(own.size());
        ToolExecutionResultMessage last = own.isEmpty() ? null : own.getLast();
        Map<String, Object> arguments = new LinkedHashMap<>(step.arguments());
        for (Map.Entry<String, String> carried : step.carried().entrySet()) {
            String from = carried.getValue();
            if (from.startsWith(Plan.EARLIER)) {
                UUID id = earlier(turn, from.substring(Plan.EARLIER.length()));
                if (id == null) return new Step(null, "I could not tell which record to use from what I did before, so I stopped.");
                arguments.put(carried.getKey(), id.toString());
            } else if (last == null) {
                return new Step(null, "I could not do that: a step is missing its input.");
            } else if (from.equals(Plan.ID)) {
                List<UUID> ids = OfflineReplies.ids(last.text());
                if (ids.size() != 1) return new Step(null, NotOne.say(plan, ids.isEmpty()));
                arguments.put(carried.getKey(), ids.getFirst().toString());
            } else if (from.equals(Plan.IDS)) {
                List<UUID> ids = OfflineReplies.ids(last.text());
                if (ids.isEmpty()) {
                    return new Step(null, GroupEmailReplies.isAudience(last) ? GroupEmailReplies.nobody(last)
                            : "No contacts match, so nothing was changed.");
                }
                arguments.put(carried.getKey(), ids.stream().map(UUID::toString).toList());
            } else if (from.startsWith(Plan.MATCHING)) {
                String id = RowMatch.best(last.text(), from.substring(Plan.MATCHING.length()));
                if (id == null) {
                    return new Step(null, "I could not tell which one you mean from \"" + from.substring(Plan.MATCHING.length())
                            + "\" (the list is shown above). Use more of its words.");
                }
                arguments.put(carried.getKey(), id);
            } else {
                JsonNode value = field(last.text(), from);
                if (value == null) return new Step(null, OfflineReplies.answer(last));
                arguments.put(carried.getKey(), value.asText());
            }
        }
        return new Step(call(step.tool(), arguments), null);
    }

    /** The latest record of a kind this turn's results made or found. */
    private static UUID earlier(List<ToolExecutionResultMessage> turn, String kind) {
        for (int i = turn.size() - 1; i >= 0; i--) {
            for (Conversation.Seen seen : RecordsSeen.in(turn.get(i))) {
                if (seen.kind().equals(kind)) return seen.id();
            }
        }
        return null;
    }

    private static String answerOf(Plan plan, List<ToolExecutionResultMessage> own) {
        ToolExecutionResultMessage last = own.getLast();
        String answer = OfflineReplies.answer(last);
        if (own.size() > 1 && GroupEmailReplies.isAudience(own.getFirst())) {
            Map<String, Object> email = plan.steps().getLast().arguments();
            answer = GroupEmailReplies.proposed(answer, own.getFirst(), String.valueOf(email.get("subject")),
                    String.valueOf(email.get("body")));
        }
        return answer;
    }

    private static AiMessage finish(List<String> answers) {
        if (answers.isEmpty()) return AiMessage.from(OfflineReplies.help(""));
        if (answers.size() == 1) return AiMessage.from(answers.getFirst());
        return AiMessage.from(answers.stream().map(answer -> "- " + answer).collect(Collectors.joining("\n")));
    }

    private static JsonNode field(String result, String name) {
        JsonNode node = OfflineReplies.parse(result);
        return node == null || !node.hasNonNull(name) ? null : node.get(name);
    }

    private static AiMessage call(String tool, Map<String, Object> arguments) {
        return AiMessage.from(List.of(ToolExecutionRequest.builder().id("offline-" + UUID.randomUUID())
                .name(tool).arguments(OfflineReplies.json(arguments)).build()));
    }

    private static String refusal(Plan plan) {
        return "Your role cannot " + plan.description() + ", so I did not try. Ask a manager or an admin if it needs doing.";
    }
}
