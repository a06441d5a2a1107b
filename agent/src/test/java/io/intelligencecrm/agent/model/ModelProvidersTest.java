package io.intelligencecrm.agent.model;

import io.intelligencecrm.agent.testing.TestModelSettings;
import io.intelligencecrm.core.config.AgentSettings;
import io.intelligencecrm.core.config.AgentSettings.Provider;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModelProvidersTest {

    @Test
    void theOfflineProviderHasNoNetworkModel() {
        AgentSettings offline = new AgentSettings(Provider.OFFLINE, "offline-planner", Optional.empty(),
                Optional.empty(), 60, 0.2, 2, 8, 8000, 0, 8000, 60);

        assertThrows(IllegalArgumentException.class, () -> ModelProviders.streaming(offline));
        assertThrows(IllegalArgumentException.class, () -> ModelProviders.blocking(offline));
    }

    @Test
    void providersWithoutABaseUrlUseTheirPublicEndpoints() {
        AgentSettings openAi = new AgentSettings(Provider.OPENAI, "gpt-4o-mini", Optional.of("sk"), Optional.empty(),
                60, 0.2, 2, 8, 8000, 0, 8000, 60);
        AgentSettings anthropic = new AgentSettings(Provider.ANTHROPIC, "claude", Optional.of("sk"),
                Optional.empty(), 60, 0.2, 2, 8, 8000, 0, 8000, 60);

        assertEquals("https://api.openai.com/v1", ModelProviders.baseUrl(openAi));
        assertEquals("https://api.anthropic.com/v1", ModelProviders.baseUrl(anthropic));
    }

    @Test
    void anthropicBaseUrlGainsTheApiVersionPathButOpenAiGatewaysAreTakenAsGiven() {
        assertEquals("http://proxy:8080/v1", ModelProviders.baseUrl(
                TestModelSettings.pointingAt(Provider.ANTHROPIC, "http://proxy:8080/", "k")));
        assertEquals("http://proxy:8080/v1", ModelProviders.baseUrl(
                TestModelSettings.pointingAt(Provider.ANTHROPIC, "http://proxy:8080/v1", "k")));
        assertEquals("http://gateway/openai/deployments/x", ModelProviders.baseUrl(
                TestModelSettings.pointingAt(Provider.OPENAI, "http://gateway/openai/deployments/x/", "k")));
    }

    @Test
    void theDisplayedBaseUrlDropsCredentialsAndQueryParameters() {
        AgentSettings settings = TestModelSettings.pointingAt(Provider.OPENAI,
                "https://user:secret@gateway.example:8443/v1?api-key=sk-123", "k");

        assertEquals("https://gateway.example:8443/v1", ModelProviders.displayedBaseUrl(settings));
    }
}
