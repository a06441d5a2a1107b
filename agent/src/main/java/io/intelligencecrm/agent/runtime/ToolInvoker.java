package io.intelligencecrm.agent.runtime;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import io.intelligencecrm.agent.chat.AgentEventSink;
import io.intelligencecrm.agent.memory.ConversationKey;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.tools.ToolCall;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The agent's tools called one at a time by an outside assistant (an MCP client) instead of the agent's
 * model: the same role-filtered set and the same guarded executors, so each call runs in one transaction
 * with its audit row, side effects are only proposed, failures come back as text, and results are capped
 * exactly as in chat. Thread-safe.
 */
public final class ToolInvoker {
    private final RoleToolProvider tools;

    public ToolInvoker(RoleToolProvider tools) {
        this.tools = tools;
    }

    /** What a call gave: the text the model would have read, and the tool's own value (a table, a proposal). */
    public record Outcome(boolean error, String text, Object value) {
    }

    public List<ToolSpecification> specifications(Role role) {
        return List.copyOf(tools.tools(role).keySet());
    }

    /**
     * Runs one tool for the call's user; empty when their role is not offered a tool of that name.
     *
     * @param events receives the tool's start, finish, proposal and table events, as the chat would show them
     */
    public Optional<Outcome> call(ToolCall call, String tool, String argumentsJson, AgentEventSink events) {
        Optional<ToolExecutor> executor = tools.tools(call.actor().role()).entrySet().stream()
                .filter(entry -> entry.getKey().name().equals(tool)).map(Map.Entry::getValue).findFirst();
        if (executor.isEmpty()) return Optional.empty();
        AgentTurn turn = new AgentTurn(call, new ConversationKey(call.actor().tenant(), call.actor().userId(),
                call.conversationId()), null, events);
        ToolExecutionRequest request = ToolExecutionRequest.builder().id(UUID.randomUUID().toString()).name(tool)
                .arguments(argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson).build();
        InvocationContext context = InvocationContext.builder().invocationParameters(turn.parameters())
                .chatMemoryId(call.conversationId()).timestampNow().build();
        ToolExecutionResult result = executor.get().executeWithContext(request, context);
        return Optional.of(new Outcome(result.isError(), result.resultText(), result.result()));
    }
}
