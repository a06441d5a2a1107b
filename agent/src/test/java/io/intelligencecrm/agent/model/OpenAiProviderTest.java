package io.intelligencecrm.agent.model;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import io.intelligencecrm.agent.testing.CollectingHandler;
import io.intelligencecrm.agent.testing.RecordedMessage;
import io.intelligencecrm.agent.testing.RecordedRequest;
import io.intelligencecrm.agent.testing.ScriptedOpenAiServer;
import io.intelligencecrm.agent.testing.ScriptedReply;
import io.intelligencecrm.agent.testing.ScriptedToolCall;
import io.intelligencecrm.agent.testing.TestModelSettings;
import io.intelligencecrm.core.config.AgentSettings;
import io.intelligencecrm.core.config.AgentSettings.Provider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenAiProviderTest {

    private final ScriptedOpenAiServer server = new ScriptedOpenAiServer();
    private final AgentSettings settings = TestModelSettings.pointingAt(Provider.OPENAI, server.baseUrl(), "sk-test");

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void blockingModelReturnsTextWithTokenUsage() {
        server.enqueue(ScriptedReply.text("Ada Lovelace is a contact at Analytical Engines.", 42, 9));

        ChatResponse response = ModelProviders.blocking(settings).chat(ChatRequest.builder()
                .messages(UserMessage.from("Who is Ada?")).build());

        assertEquals("Ada Lovelace is a contact at Analytical Engines.", response.aiMessage().text());
        assertEquals(42, response.tokenUsage().inputTokenCount());
        assertEquals(9, response.tokenUsage().outputTokenCount());
        RecordedRequest request = server.lastRequest();
        assertEquals("/v1/chat/completions", request.path());
        assertEquals("scripted-model", request.model());
        assertEquals(0.2, request.body().path("temperature").asDouble(), 1e-9);
        assertEquals("Bearer sk-test", request.header("Authorization").orElseThrow());
        assertEquals("Who is Ada?", request.lastUserText());
    }

    @Test
    void blockingToolCallRoundTripSendsTheResultBackUnderTheCallId() {
        server.enqueue(ScriptedReply.toolCalls(ScriptedToolCall.of("call_1", "find_contacts", "{\"query\":\"Ada\"}")),
                ScriptedReply.text("Ada's email is ada@example.com."));
        ChatModel model = ModelProviders.blocking(settings);
        UserMessage question = UserMessage.from("What is Ada's email?");

        ChatResponse first = model.chat(ChatRequest.builder().messages(question).toolSpecifications(CrmTools.ALL)
                .build());
        ToolExecutionRequest call = first.aiMessage().toolExecutionRequests().getFirst();
        ToolExecutionResultMessage result = ToolExecutionResultMessage.from(call, "[{\"email\":\"ada@example.com\"}]");
        ChatResponse second = model.chat(ChatRequest.builder()
                .messages(question, first.aiMessage(), result).toolSpecifications(CrmTools.ALL).build());

        assertEquals(FinishReason.TOOL_EXECUTION, first.finishReason());
        assertEquals("find_contacts", call.name());
        assertEquals("{\"query\":\"Ada\"}", call.arguments());
        assertEquals("Ada's email is ada@example.com.", second.aiMessage().text());
        RecordedRequest followUp = server.lastRequest();
        RecordedMessage assistant = followUp.messages().stream().filter(m -> m.role().equals("assistant"))
                .findFirst().orElseThrow();
        assertEquals("call_1", assistant.toolCalls().getFirst().id());
        assertEquals("[{\"email\":\"ada@example.com\"}]", followUp.toolResult("call_1").orElseThrow().content());
    }

    @Test
    void offeredToolsMatchTheToolSpecifications() {
        server.enqueue(ScriptedReply.text("ok"));

        ModelProviders.blocking(settings).chat(ChatRequest.builder().messages(UserMessage.from("hi"))
                .toolSpecifications(CrmTools.ALL).build());

        RecordedRequest request = server.lastRequest();
        assertEquals(List.of("find_contacts", "create_task"), request.toolNames());
        var findContacts = request.body().path("tools").get(0).path("function");
        assertEquals("Finds contacts by name or email", findContacts.path("description").asText());
        assertEquals("string", findContacts.path("parameters").path("properties").path("query").path("type").asText());
        assertEquals("integer", findContacts.path("parameters").path("properties").path("limit").path("type").asText());
        assertEquals("query", findContacts.path("parameters").path("required").get(0).asText());
    }

    @Test
    void streamingTextArrivesInOrderAndEndsWithFullTextAndUsage() {
        server.enqueue(ScriptedReply.text("You have three open deals this week.", 30, 8));
        CollectingHandler handler = new CollectingHandler();

        ModelProviders.streaming(settings).chat(List.of(UserMessage.from("How many deals?")), handler);
        ChatResponse response = handler.response();

        assertEquals(List.of("You ", "have ", "three ", "open ", "deals ", "this ", "week."), handler.partials());
        assertEquals("You have three open deals this week.", response.aiMessage().text());
        assertEquals(30, response.tokenUsage().inputTokenCount());
        assertEquals(8, response.tokenUsage().outputTokenCount());
        assertEquals(FinishReason.STOP, response.finishReason());
        RecordedRequest request = server.lastRequest();
        assertTrue(request.streaming());
        assertTrue(request.body().path("stream_options").path("include_usage").asBoolean());
    }

    @Test
    void streamingToolCallsAreReassembledFromArgumentFragments() {
        server.enqueue(ScriptedReply.toolCalls(
                ScriptedToolCall.of("call_a", "find_contacts", "{\"query\":\"Grace Hopper\",\"limit\":5}"),
                ScriptedToolCall.of("call_b", "create_task", "{\"title\":\"Call Grace\",\"due\":\"2025-07-01\"}")));
        CollectingHandler handler = new CollectingHandler();

        ModelProviders.streaming(settings).chat(ChatRequest.builder().messages(UserMessage.from("Find Grace"))
                .toolSpecifications(CrmTools.ALL).build(), handler);
        AiMessage message = handler.response().aiMessage();

        assertEquals(2, message.toolExecutionRequests().size());
        ToolExecutionRequest first = message.toolExecutionRequests().get(0);
        ToolExecutionRequest second = message.toolExecutionRequests().get(1);
        assertEquals("call_a", first.id());
        assertEquals("find_contacts", first.name());
        assertEquals("{\"query\":\"Grace Hopper\",\"limit\":5}", first.arguments());
        assertEquals("call_b", second.id());
        assertEquals("{\"title\":\"Call Grace\",\"due\":\"2025-07-01\"}", second.arguments());
        assertEquals(2, handler.completeToolCalls().size());
        assertTrue(handler.partialToolCalls().size() >= 6, "arguments arrive in fragments");
        assertEquals(List.of("find_contacts", "create_task"), server.lastRequest().toolNames());
    }

    @Test
    void anyOpenAiCompatibleServerWorksWithoutAnApiKey() {
        try (ScriptedOpenAiServer gateway = new ScriptedOpenAiServer("/gateway/openai")) {
            gateway.enqueue(ScriptedReply.text("hello from a gateway"));
            AgentSettings keyless = TestModelSettings.pointingAt(Provider.OPENAI, gateway.baseUrl(), null);

            String answer = ModelProviders.blocking(keyless).chat("hi");

            assertEquals("hello from a gateway", answer);
            assertEquals("/gateway/openai/chat/completions", gateway.lastRequest().path());
            assertFalse(gateway.lastRequest().header("Authorization").isPresent());
        }
    }
}
