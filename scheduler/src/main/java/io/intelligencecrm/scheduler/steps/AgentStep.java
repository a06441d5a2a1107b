package io.intelligencecrm.scheduler.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.intelligencecrm.agent.chat.AgentEventSink;
import io.intelligencecrm.agent.chat.ChatInput;
import io.intelligencecrm.agent.chat.ChatReply;
import io.intelligencecrm.agent.chat.ChatService;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.scheduler.engine.StepAction;
import io.intelligencecrm.scheduler.engine.StepContext;
import io.intelligencecrm.scheduler.engine.StepResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The AI decision point: runs the prompt through the agent, as the owner and with the owner's tools,
 * on the 'workflow' channel. With {@code branches}, the answer picks the next step: the branch key
 * the answer names first (e.g. "yes" / "no"); {@code default} when it names none.
 */
public final class AgentStep implements StepAction {
    private final ChatService chat;

    public AgentStep(ChatService chat) {
        this.chat = chat;
    }

    @Override
    public String type() {
        return "agent";
    }

    @Override
    public StepResult run(StepContext context) {
        String prompt = context.render("prompt");
        Object record = context.variables().get("record");
        if (record instanceof Map<?, ?> map && !map.isEmpty()) {
            prompt = prompt + "\n\nThe record this workflow run is about: " + json(map);
        }
        Map<String, Object> branches = context.step().map("branches");
        if (!branches.isEmpty()) {
            prompt = prompt + "\n\nBegin your answer with exactly one of: " + String.join(", ", branches.keySet()) + ".";
        }
        ChatReply reply = chat.send(context.owner(), new ChatInput(null, prompt, "workflow"), AgentEventSink.IGNORE);
        if (reply.failed()) throw new IllegalStateException("the agent could not answer: " + reply.text());
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("text", reply.text());
        output.put("conversationId", reply.conversationId().toString());
        if (branches.isEmpty()) return StepResult.done(output);
        String branch = choose(reply.text(), branches);
        output.put("branch", branch);
        Object target = branch == null ? context.step().text("default") : branches.get(branch);
        return StepResult.goTo(output, target == null ? null : target.toString());
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("record not serialisable", e);
        }
    }

    /** The branch key mentioned earliest in the answer, as a whole word. */
    static String choose(String answer, Map<String, Object> branches) {
        String text = answer.toLowerCase(Locale.ROOT);
        String best = null;
        int bestAt = Integer.MAX_VALUE;
        for (String key : branches.keySet()) {
            var matcher = Pattern.compile("\\b" + Pattern.quote(key.toLowerCase(Locale.ROOT)) + "\\b").matcher(text);
            if (matcher.find() && matcher.start() < bestAt) {
                best = key;
                bestAt = matcher.start();
            }
        }
        return best;
    }
}
