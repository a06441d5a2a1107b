package io.intelligencecrm.agent.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import io.intelligencecrm.agent.testing.CollectingHandler;
import io.intelligencecrm.agent.testing.RecordedRequest;
import io.intelligencecrm.agent.testing.ScriptedAnthropicServer;
import io.intelligencecrm.agent.testing.ScriptedReply;
import io.intelligencecrm.agent.testing.ScriptedToolCall;
import io.intelligencecrm.agent.testing.TestModelSettings;
import io.intelligencecrm.core.config.AgentSettings;
import io.intelligencecrm.core.config.AgentSettings.Provider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnthropicProviderTest {

    private final ScriptedAnthropicServer server = new ScriptedAnthropicServer();
    private final AgentSettings settings =
            TestModelSettings.pointingAt(Provider.ANTHROPIC, server.baseUrl(), "sk-ant-test");

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void streamingTextArrivesInPiecesWithUsageAndTheRequiredHeaders() {
        server.enqueue(ScriptedReply.text("Deal moved to negotiation.", 55, 6));
        CollectingHandler handler = new CollectingHandler();

        ModelProviders.streaming(settings).chat(List.of(SystemMessage.from("You are a CRM assistant."),
                UserMessage.from("Move the Acme deal")), handler);
        ChatResponse response = handler.response();

        assertEquals(List.of("Deal ", "moved ", "to ", "negotiation."), handler.partials());
        assertEquals("Deal moved to negotiation.", response.aiMessage().text());
        assertEquals(55, response.tokenUsage().inputTokenCount());
        assertEquals(6, response.tokenUsage().outputTokenCount());
        assertEquals(FinishReason.STOP, response.finishReason());
        RecordedRequest request = server.lastRequest();
        assertEquals("/v1/messages", request.path());
        assertEquals("sk-ant-test", request.header("x-api-key").orElseThrow());
        assertTrue(request.header("anthropic-version").isPresent());
        assertTrue(request.streaming());
        assertEquals("You are a CRM assistant.", request.messages().getFirst().content());
        assertEquals(0.2, request.body().path("temperature").asDouble(), 1e-9);
    }

    @Test
    void streamingToolUseRoundTripSendsTheResultBackAsAToolResultBlock() {
        server.enqueue(ScriptedReply.toolCalls(ScriptedToolCall.of("toolu_1", "find_contacts",
                        "{\"query\":\"Ada\",\"limit\":3}")),
                ScriptedReply.text("Ada works at Analytical Engines."));
        StreamingChatModel model = ModelProviders.streaming(settings);
        UserMessage question = UserMessage.from("Where does Ada work?");

        CollectingHandler firstHandler = new CollectingHandler();
        model.chat(ChatRequest.builder().messages(question).toolSpecifications(CrmTools.ALL).build(), firstHandler);
        AiMessage first = firstHandler.response().aiMessage();
        ToolExecutionRequest call = first.toolExecutionRequests().getFirst();
        CollectingHandler secondHandler = new CollectingHandler();
        model.chat(ChatRequest.builder().toolSpecifications(CrmTools.ALL).messages(question, first,
                ToolExecutionResultMessage.from(call, "{\"company\":\"Analytical Engines\"}")).build(), secondHandler);

        assertEquals("toolu_1", call.id());
        assertEquals("find_contacts", call.name());
        assertEquals("{\"query\":\"Ada\",\"limit\":3}", call.arguments());
        assertEquals(FinishReason.TOOL_EXECUTION, firstHandler.response().finishReason());
        assertEquals("Ada works at Analytical Engines.", secondHandler.response().aiMessage().text());
        RecordedRequest followUp = server.lastRequest();
        assertEquals(List.of("find_contacts", "create_task"), followUp.toolNames());
        JsonNode lastMessage = followUp.body().path("messages").get(2);
        assertEquals("user", lastMessage.path("role").asText());
        assertEquals("tool_result", lastMessage.path("content").get(0).path("type").asText());
        assertEquals("toolu_1", lastMessage.path("content").get(0).path("tool_use_id").asText());
        assertEquals("{\"company\":\"Analytical Engines\"}", followUp.toolResult("toolu_1").orElseThrow().content());
    }

    @Test
    void blockingModelReadsTextAndToolUseBlocks() throws Exception {
        server.enqueue(ScriptedReply.toolCalls(ScriptedToolCall.of("toolu_9", "create_task", "{\"title\":\"Call Ada\"}")));

        ChatResponse response = ModelProviders.blocking(settings).chat(ChatRequest.builder()
                .messages(UserMessage.from("Remind me to call Ada")).toolSpecifications(CrmTools.ALL).build());

        ToolExecutionRequest call = response.aiMessage().toolExecutionRequests().getFirst();
        assertEquals("toolu_9", call.id());
        assertEquals("Call Ada", new ObjectMapper().readTree(call.arguments()).path("title").asText());
        assertTrue(server.lastRequest().header("anthropic-version").isPresent());
    }

    @Test
    void aServerWithoutKeysIsStillSentAnApiKeyHeader() {
        server.enqueue(ScriptedReply.text("fine"));
        AgentSettings keyless = TestModelSettings.pointingAt(Provider.ANTHROPIC, server.baseUrl(), null);

        assertEquals("fine", ModelProviders.blocking(keyless).chat("hi"));
        assertTrue(server.lastRequest().header("x-api-key").isPresent());
    }

    @Test
    void aResponderCanScriptAMultiStepTurnFromWhatTheClientSent() {
        server.respondWith(request -> request.toolResults().isEmpty()
                ? new ScriptedReply.Answer("Let me look.", List.of(ScriptedToolCall.of("toolu_7", "find_contacts",
                        "{\"query\":\"Grace\"}")), 10, 5)
                : ScriptedReply.text("Found: " + request.toolResult("toolu_7").orElseThrow().content()));
        StreamingChatModel model = ModelProviders.streaming(settings);
        UserMessage question = UserMessage.from("Find Grace");

        CollectingHandler firstHandler = new CollectingHandler();
        model.chat(ChatRequest.builder().messages(question).toolSpecifications(CrmTools.ALL).build(), firstHandler);
        AiMessage first = firstHandler.response().aiMessage();
        CollectingHandler secondHandler = new CollectingHandler();
        model.chat(ChatRequest.builder().toolSpecifications(CrmTools.ALL).messages(question, first,
                ToolExecutionResultMessage.from(first.toolExecutionRequests().getFirst(), "Grace Hopper")).build(),
                secondHandler);

        assertEquals("Let me look.", first.text());
        assertEquals("{\"query\":\"Grace\"}", first.toolExecutionRequests().getFirst().arguments());
        assertEquals("Found: Grace Hopper", secondHandler.response().aiMessage().text());
        assertEquals("Let me look.", server.lastRequest().messages().stream()
                .filter(message -> message.role().equals("assistant")).findFirst().orElseThrow().content());
    }
}
