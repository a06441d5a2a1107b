package io.intelligencecrm.agent.runtime;

/** Who the agent is talking to, for the system prompt. */
public record Persona(String userName, String roleName, String tenantName) {
}
