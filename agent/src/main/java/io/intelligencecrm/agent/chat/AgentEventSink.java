package io.intelligencecrm.agent.chat;

/** Receives a turn's events as they happen. Called from the turn's threads; implementations must be thread-safe. */
@FunctionalInterface
public interface AgentEventSink {
    void accept(AgentEvent event);

    AgentEventSink IGNORE = event -> {
    };
}
