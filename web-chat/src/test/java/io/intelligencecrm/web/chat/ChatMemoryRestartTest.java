package io.intelligencecrm.web.chat;

import static io.intelligencecrm.web.chat.ChatWire.jsonTurn;
import static io.intelligencecrm.web.chat.ChatWire.reply;
import static io.intelligencecrm.web.chat.ChatWire.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.intelligencecrm.agent.testing.RecordedMessage;
import io.intelligencecrm.agent.testing.ScriptedOpenAiServer;
import io.intelligencecrm.agent.testing.ScriptedReply;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A conversation's memory lives in PostgreSQL, so a restarted server continues it. */
@Tag("slow")
class ChatMemoryRestartTest {

    @Test
    void conversation_memory_survives_a_restart_of_the_application() {
        try (ScriptedOpenAiServer model = new ScriptedOpenAiServer()) {
            CrmApplication first = TestServer.start(Map.of("CRM_MODEL_PROVIDER", "openai",
                    "CRM_MODEL_BASE_URL", model.baseUrl(), "CRM_MODEL_API_KEY", "test"));
            String conversationId;
            try {
                script(model, reply(ScriptedReply.text("Noted: the Lisbon office renews in March.")));
                conversationId = jsonTurn(DemoLogins.as(first, Role.REP), "Remember that the Lisbon office renews in"
                        + " March.", null).get("conversationId").asText();
            } finally {
                first.stop();
            }

            CrmApplication second = CrmApplication.start(first.settings());
            try {
                script(model, reply(ScriptedReply.text("The Lisbon office renews in March.")));
                int before = model.requestCount();
                var response = jsonTurn(DemoLogins.as(second, Role.REP), "When does Lisbon renew?", conversationId);

                assertFalse(response.get("failed").asBoolean(), response.toString());
                List<RecordedMessage> sent = model.requests().get(before).messages();
                List<String> conversation = sent.stream().filter(message -> !message.role().equals("system"))
                        .map(message -> message.role() + ": " + message.content()).toList();
                assertEquals(List.of("user: Remember that the Lisbon office renews in March.",
                        "assistant: Noted: the Lisbon office renews in March.",
                        "user: When does Lisbon renew?"), conversation);
            } finally {
                second.stop();
            }
        }
    }
}
