package io.intelligencecrm.web.chat;

import static io.intelligencecrm.web.chat.ChatWire.firstId;
import static io.intelligencecrm.web.chat.ChatWire.last;
import static io.intelligencecrm.web.chat.ChatWire.reply;
import static io.intelligencecrm.web.chat.ChatWire.script;
import static io.intelligencecrm.web.chat.ChatWire.streamTurn;
import static io.intelligencecrm.web.chat.ChatWire.toolResult;
import static io.intelligencecrm.web.chat.ChatWire.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.agent.testing.RecordedRequest;
import io.intelligencecrm.agent.testing.ScriptedAnthropicServer;
import io.intelligencecrm.agent.testing.ScriptedReply;
import io.intelligencecrm.agent.testing.ScriptedToolCall;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The same agent turn when the configured provider speaks Anthropic's Messages API. */
@Tag("slow")
class AgentChatOverAnthropicTest {
    private static ScriptedAnthropicServer model;
    private static CrmApplication application;

    @BeforeAll
    static void start() {
        model = new ScriptedAnthropicServer();
        application = TestServer.start(Map.of("CRM_MODEL_PROVIDER", "anthropic", "CRM_MODEL_BASE_URL", model.baseUrl(),
                "CRM_MODEL_API_KEY", "test", "CRM_MODEL_MAX_RETRIES", "0"));
    }

    @AfterAll
    static void stop() {
        application.stop();
        model.close();
    }

    @Test
    void rep_turn_over_anthropic_creates_contact_logs_call_and_streams_the_answer() {
        ApiClient rep = DemoLogins.as(application, Role.REP);
        script(model,
                reply(ScriptedReply.toolCalls(ScriptedToolCall.of("toolu_create", "createContact",
                        "{\"firstName\": \"Dara\", \"lastName\": \"Byrne\", \"email\": \"dara.byrne@harbour.example\"}"))),
                request -> ScriptedReply.toolCalls(ScriptedToolCall.of("toolu_log", "logInteraction",
                        "{\"contactId\": \"" + firstId(toolResult(request, "toolu_create"))
                                + "\", \"type\": \"call\", \"content\": \"Wants a quote for the harbour cranes\"}")),
                reply(ScriptedReply.text("Dara Byrne is saved and the call is logged.")));
        int before = model.requestCount();

        List<JsonNode> events = streamTurn(rep, "Add Dara Byrne, dara.byrne@harbour.example, and log our call "
                + "about a quote for the harbour cranes.", null);

        assertEquals(List.of("started", "tool_started", "tool_finished", "tool_started", "tool_finished", "final"),
                types(events).stream().filter(type -> !type.equals("token")).toList());
        assertTrue(types(events).contains("token"));
        assertEquals("anthropic", events.getFirst().get("mode").asText());
        assertEquals("Dara Byrne is saved and the call is logged.", last(events).get("text").asText());
        assertEquals(3, model.requestCount() - before);
        RecordedRequest first = model.requests().get(before);
        assertEquals("test", first.header("x-api-key").orElseThrow());
        assertTrue(first.toolNames().contains("createContact"));

        JsonNode page = rep.get("/api/contacts?q=dara.byrne@harbour.example").json();
        String id = ChatWire.find(page.has("items") ? page.get("items") : page, "email", "dara.byrne@harbour.example")
                .orElseThrow(() -> new AssertionError(page.toString())).get("id").asText();
        JsonNode call = ChatWire.find(rep.get("/api/contacts/" + id).json().get("recentInteractions"), "content",
                "Wants a quote for the harbour cranes").orElseThrow();
        assertEquals("call", call.get("type").asText().toLowerCase());
    }
}
