package io.intelligencecrm.web.chat;

import static io.intelligencecrm.web.chat.ChatWire.jsonTurn;
import static io.intelligencecrm.web.chat.ChatWire.last;
import static io.intelligencecrm.web.chat.ChatWire.reply;
import static io.intelligencecrm.web.chat.ChatWire.script;
import static io.intelligencecrm.web.chat.ChatWire.streamTurn;
import static io.intelligencecrm.web.chat.ChatWire.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.agent.testing.ScriptedOpenAiServer;
import io.intelligencecrm.agent.testing.ScriptedReply;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The tenant's daily token budget, counted from the usage the provider reports. */
@Tag("slow")
class DailyTokenBudgetTest {

    @Test
    void turn_after_the_daily_token_budget_is_spent_is_refused_with_a_clear_message() {
        try (ScriptedOpenAiServer model = new ScriptedOpenAiServer()) {
            CrmApplication application = TestServer.start(Map.of("CRM_MODEL_PROVIDER", "openai",
                    "CRM_MODEL_BASE_URL", model.baseUrl(), "CRM_MODEL_API_KEY", "test",
                    "CRM_AGENT_DAILY_TOKEN_BUDGET", "100"));
            try {
                ApiClient rep = DemoLogins.as(application, Role.REP);
                script(model, reply(ScriptedReply.text("Here is a long answer.", 90, 40)));
                JsonNode spent = jsonTurn(rep, "Tell me everything.", null);
                assertFalse(spent.get("failed").asBoolean(), spent.toString());
                int requests = model.requestCount();

                List<JsonNode> refused = streamTurn(rep, "And more.", spent.get("conversationId").asText());

                assertEquals(List.of("started", "error"), types(refused));
                assertEquals("rate-limited", last(refused).get("code").asText());
                String message = last(refused).get("message").asText();
                assertTrue(message.contains("used today's AI budget (130 of 100 tokens)"), message);
                assertTrue(message.contains("resets at midnight UTC"), message);
                assertEquals(requests, model.requestCount(), "the refused turn never reached the provider");

                JsonNode json = jsonTurn(DemoLogins.as(application, Role.MANAGER), "Anything?", null);
                assertTrue(json.get("failed").asBoolean());
                assertEquals("rate-limited", json.get("errorCode").asText(), "the budget is the whole team's");
            } finally {
                application.stop();
            }
        }
    }
}
