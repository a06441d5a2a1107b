package io.intelligencecrm.core.config;

import java.util.Optional;

/**
 * The agent's model provider and its limits. {@code offline} needs no key and no network; the others
 * switch on by configuration. Read in {@link Settings}; each variable is in docs/operating/configuration.md.
 *
 * @param baseUrl         for openai: any OpenAI-compatible endpoint (vLLM, LM Studio, gateways); for anthropic
 *                        and ollama: the server's address. Empty means the provider's default.
 * @param maxToolRoundTrips model responses with tool calls allowed in one turn
 * @param memoryTokens    how much of a conversation the model sees, in (estimated) tokens
 * @param dailyTokenBudget tokens a tenant may spend per UTC day; 0 means unlimited
 * @param toolResultChars longest tool result passed back to the model
 */
public record AgentSettings(Provider provider, String modelName, Optional<String> apiKey, Optional<String> baseUrl,
                            int timeoutSeconds, double temperature, int maxRetries, int maxToolRoundTrips,
                            int memoryTokens, long dailyTokenBudget, int toolResultChars, int proposalTtlMinutes) {

    public enum Provider { OFFLINE, OPENAI, ANTHROPIC, OLLAMA }

    static AgentSettings from(Env env) {
        Provider provider = env.choice("CRM_MODEL_PROVIDER", Provider.class, Provider.OFFLINE);
        Optional<String> apiKey = env.optional("CRM_MODEL_API_KEY");
        if ((provider == Provider.OPENAI || provider == Provider.ANTHROPIC) && apiKey.isEmpty()
                && env.optional("CRM_MODEL_BASE_URL").isEmpty()) {
            env.problem("CRM_MODEL_API_KEY is required for CRM_MODEL_PROVIDER=" + provider.name().toLowerCase()
                    + " (or set CRM_MODEL_BASE_URL to a server that needs none)");
        }
        double temperature = env.decimal("CRM_MODEL_TEMPERATURE", 0.2);
        if (temperature < 0 || temperature > 2) env.problem("CRM_MODEL_TEMPERATURE must be between 0 and 2");
        return new AgentSettings(
                provider,
                env.string("CRM_MODEL_NAME", defaultModel(provider)),
                apiKey,
                env.optional("CRM_MODEL_BASE_URL"),
                env.integer("CRM_MODEL_TIMEOUT_SECONDS", 60, 1, 600),
                temperature,
                env.integer("CRM_MODEL_MAX_RETRIES", 2, 0, 10),
                env.integer("CRM_AGENT_MAX_TOOL_ROUND_TRIPS", 8, 1, 50),
                env.integer("CRM_AGENT_MEMORY_TOKENS", 8000, 500, 200_000),
                env.integer("CRM_AGENT_DAILY_TOKEN_BUDGET", 2_000_000, 0, Integer.MAX_VALUE),
                env.integer("CRM_AGENT_TOOL_RESULT_CHARS", 8000, 500, 200_000),
                env.integer("CRM_PROPOSAL_TTL_MINUTES", 60 * 24, 1, 60 * 24 * 30));
    }

    private static String defaultModel(Provider provider) {
        return switch (provider) {
            case OFFLINE -> "offline-planner";
            case OPENAI -> "gpt-4o-mini";
            case ANTHROPIC -> "claude-sonnet-4-5";
            case OLLAMA -> "llama3.1";
        };
    }
}
