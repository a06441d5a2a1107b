package io.intelligencecrm.tools;

import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.identity.Actor;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * Who a tool acts for, bound by the agent runtime from the verified session and carried in
 * LangChain4j's {@link InvocationParameters}: the model never sees or fills it, so no tool
 * argument can change the tenant or the user.
 *
 * @param actor          the user, acting through the agent
 * @param conversationId the conversation the turn belongs to (proposals and audit rows point at it)
 * @param zone           the user's time zone, for "today", "this week" and dates the user types
 */
public record ToolCall(Actor actor, UUID conversationId, ZoneId zone, Clock clock) {
    private static final String KEY = "crm.toolCall";

    public ToolCall {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(clock, "clock");
    }

    public void bindTo(InvocationParameters parameters) {
        parameters.put(KEY, this);
    }

    /** The binding of the current turn; a tool invoked without one is a programming error. */
    public static ToolCall of(InvocationParameters parameters) {
        ToolCall call = parameters == null ? null : parameters.get(KEY);
        if (call == null) throw new IllegalStateException("tool invoked outside an agent turn");
        return call;
    }
}
