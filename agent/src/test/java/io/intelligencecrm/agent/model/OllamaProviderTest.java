package io.intelligencecrm.agent.model;

import dev.langchain4j.data.message.UserMessage;
import io.intelligencecrm.agent.testing.CollectingHandler;
import io.intelligencecrm.agent.testing.RecordedRequest;
import io.intelligencecrm.agent.testing.ScriptedOpenAiServer;
import io.intelligencecrm.agent.testing.ScriptedReply;
import io.intelligencecrm.agent.testing.TestModelSettings;
import io.intelligencecrm.core.config.AgentSettings;
import io.intelligencecrm.core.config.AgentSettings.Provider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class OllamaProviderTest {

    @Test
    void ollamaIsReachedThroughItsOpenAiCompatibleEndpointWithoutAKey() {
        try (ScriptedOpenAiServer ollama = new ScriptedOpenAiServer()) {
            ollama.enqueue(ScriptedReply.text("Hello from llama", 7, 3));
            String bareAddress = "http://127.0.0.1:" + ollama.port();
            AgentSettings settings = TestModelSettings.pointingAt(Provider.OLLAMA, bareAddress, null);
            CollectingHandler handler = new CollectingHandler();

            ModelProviders.streaming(settings).chat(List.of(UserMessage.from("hi")), handler);

            assertEquals("Hello from llama", handler.response().aiMessage().text());
            RecordedRequest request = ollama.lastRequest();
            assertEquals("/v1/chat/completions", request.path());
            assertEquals("scripted-model", request.model());
            assertFalse(request.header("Authorization").isPresent());
        }
    }

    @Test
    void ollamaDefaultsToTheLocalServer() {
        AgentSettings settings = new AgentSettings(Provider.OLLAMA, "llama3.1", Optional.empty(), Optional.empty(),
                60, 0.2, 2, 8, 8000, 0, 8000, 60);

        assertEquals("http://localhost:11434/v1", ModelProviders.baseUrl(settings));
    }
}
