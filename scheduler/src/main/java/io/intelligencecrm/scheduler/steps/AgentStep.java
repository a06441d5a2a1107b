package io.intelligencecrm.scheduler.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.intelligencecrm.agent.chat.AgentEventSink;
import io.intelligencecrm.agent.chat.ChatInput;
import io.intelligencecrm.agent.chat.ChatReply;
import io.intelligencecrm.agent.chat.ChatService;
import io.intelligencecrm.agent.decision.BranchChoice;
import io.intelligencecrm.agent.decision.BranchDecider;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.scheduler.engine.StepAction;
import io.intelligencecrm.scheduler.engine.StepContext;
import io.intelligencecrm.scheduler.engine.StepResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AI step. Without {@code branches} it runs the prompt through the agent, as the owner and with the
 * owner's tools, on the 'workflow' channel, the run's record given beside the prompt. With
 * {@code branches} it is a decision: a structured choice among the declared branch names (see
 * {@link BranchDecider}), its reason kept in the step's output. An unclear answer takes {@code default} (a
 * branch name or a step id) and flags the run; with no default the run stops and says why.
 */
public final class AgentStep implements StepAction {
    private final ChatService chat;
    private final BranchDecider decisions;

    public AgentStep(ChatService chat, BranchDecider decisions) {
        this.chat = chat;
        this.decisions = decisions;
    }

    @Override
    public String type() {
        return "agent";
    }

    @Override
    @SuppressWarnings("unchecked")
    public StepResult run(StepContext context) {
        String prompt = context.render("prompt");
        Map<String, Object> record = context.variables().get("record") instanceof Map<?, ?> map
                ? (Map<String, Object>) map : Map.of();
        Map<String, Object> branches = context.step().map("branches");
        if (branches.isEmpty()) {
            ChatReply reply = chat.send(context.owner(), new ChatInput(null, prompt, "workflow",
                    record.isEmpty() ? null : json(record)), AgentEventSink.IGNORE);
            if (reply.failed()) throw new IllegalStateException("the agent could not answer: " + reply.text());
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("text", reply.text());
            output.put("conversationId", reply.conversationId().toString());
            return StepResult.done(output);
        }
        BranchChoice choice = decisions.decide(prompt, record, List.copyOf(branches.keySet()));
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("decision", choice.clear() ? "clear" : "unclear");
        output.put("reason", choice.reason());
        if (choice.clear()) {
            output.put("branch", choice.branch());
            return StepResult.goTo(output, String.valueOf(branches.get(choice.branch())));
        }
        String fallback = context.step().text("default");
        if (fallback == null) {
            throw CrmException.invalid("default", "the decision was unclear (" + choice.reason()
                    + ") and the step declares no default branch to take");
        }
        output.put("branch", fallback);
        output.put("flag", "unclear decision at step '" + context.step().id() + "': " + choice.reason()
                + "; took the default '" + fallback + "'");
        Object target = branches.containsKey(fallback) ? branches.get(fallback) : fallback;
        return StepResult.goTo(output, String.valueOf(target));
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("record not serialisable", e);
        }
    }
}
