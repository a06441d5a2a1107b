package io.intelligencecrm.agent.testing;

import io.intelligencecrm.core.config.AgentSettings;
import io.intelligencecrm.core.config.AgentSettings.Provider;

import java.util.Optional;

/** Agent settings pointing a provider at a scripted server, with short timeouts fit for tests. */
public final class TestModelSettings {

    private TestModelSettings() {
    }

    public static AgentSettings pointingAt(Provider provider, String baseUrl, String apiKey) {
        return new AgentSettings(provider, "scripted-model", Optional.ofNullable(apiKey), Optional.of(baseUrl),
                5, 0.2, 2, 8, 8000, 0, 8000, 60);
    }

    public static AgentSettings withTimeout(AgentSettings settings, int timeoutSeconds) {
        return new AgentSettings(settings.provider(), settings.modelName(), settings.apiKey(), settings.baseUrl(),
                timeoutSeconds, settings.temperature(), settings.maxRetries(), settings.maxToolRoundTrips(),
                settings.memoryTokens(), settings.dailyTokenBudget(), settings.toolResultChars(),
                settings.proposalTtlMinutes());
    }

    public static AgentSettings withMaxRetries(AgentSettings settings, int maxRetries) {
        return new AgentSettings(settings.provider(), settings.modelName(), settings.apiKey(), settings.baseUrl(),
                settings.timeoutSeconds(), settings.temperature(), maxRetries, settings.maxToolRoundTrips(),
                settings.memoryTokens(), settings.dailyTokenBudget(), settings.toolResultChars(),
                settings.proposalTtlMinutes());
    }
}
