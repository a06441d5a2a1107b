package io.intelligencecrm.web.chat;

import static io.intelligencecrm.web.chat.ChatWire.jsonTurn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A provider nobody answers at: the user gets a sentence, not a stack trace, and no record changes. */
@Tag("slow")
class ProviderUnreachableTest {
    private static final String API_KEY = "sk-unreachable-secret-0815";

    @Test
    void closed_provider_port_gives_a_friendly_error_and_writes_nothing() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CrmApplication application = TestServer.start(Map.of("CRM_MODEL_PROVIDER", "openai",
                "CRM_MODEL_BASE_URL", "http://127.0.0.1:" + closedPort + "/v1", "CRM_MODEL_API_KEY", API_KEY,
                "CRM_MODEL_MAX_RETRIES", "0"));
        try {
            ApiClient rep = DemoLogins.as(application, Role.REP);
            String before = rep.get("/api/contacts?limit=100").body();

            JsonNode response = jsonTurn(rep, "Add Quinn Rivera as a lead.", null);

            assertTrue(response.get("failed").asBoolean(), response.toString());
            assertEquals("model-unavailable", response.get("errorCode").asText());
            String message = response.get("reply").asText();
            assertTrue(message.endsWith("Nothing was changed."), message);
            for (String leak : List.of(API_KEY, "Exception", "\tat ", "io.intelligencecrm", "dev.langchain4j")) {
                assertFalse(message.contains(leak), "message leaks " + leak + ": " + message);
            }
            assertEquals("error", response.get("events").get(response.get("events").size() - 1).get("type").asText());
            assertEquals(before, rep.get("/api/contacts?limit=100").body(), "no contact was written");
        } finally {
            application.stop();
        }
    }
}
