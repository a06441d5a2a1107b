package io.intelligencecrm.web.webhook;

import static io.intelligencecrm.webhooks.testing.WebhookFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.TestServer;
import io.intelligencecrm.webhooks.testing.Receiver;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Webhooks through the REST API of the running app, as an admin's script would use them. */
class WebhookApiTest {
    private static CrmApplication application;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        application = TestServer.start(Map.of("CRM_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true"));
        admin = DemoLogins.as(application, Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        application.stop();
    }

    @Test
    void an_admin_subscribes_and_an_api_change_is_delivered_signed_logged_and_redelivered() {
        try (Receiver receiver = new Receiver()) {
            ApiClient.Response created = admin.post("/api/webhooks", """
                    {"url": "%s", "events": ["contact.created"], "description": "CRM sync"}""".formatted(receiver.url("/in")));
            assertEquals(201, created.status(), created.body());
            receiver.secret(created.json().get("secret").asText());
            String subscription = created.json().at("/subscription/id").asText();

            ApiClient.Response contact = admin.post("/api/contacts", """
                    {"firstName": "Hook", "lastName": "Api", "email": "hook.api@receiver.example"}""");
            assertEquals(201, contact.status());
            await("delivered", () -> receiver.received().size() == 1);
            assertTrue(receiver.received().getFirst().signatureValid());
            assertEquals(contact.json().get("id").asText(), receiver.received().getFirst().body().at("/data/id").asText());

            await("logged", () -> admin.get("/api/webhooks/" + subscription + "/deliveries").json().path(0)
                    .path("status").asText().equals("delivered"));
            JsonNode delivery = admin.get("/api/webhooks/" + subscription + "/deliveries").json().get(0);
            assertEquals(200, delivery.get("responseStatus").asInt());
            JsonNode details = admin.get("/api/webhooks/" + subscription + "/deliveries/" + delivery.get("id").asText()).json();
            assertEquals("contact.created", details.at("/payload/type").asText());
            assertEquals(1, details.get("attempts").size());

            ApiClient.Response again = admin.post("/api/webhooks/" + subscription + "/deliveries/"
                    + delivery.get("id").asText() + "/redeliver", "{}");
            assertEquals(200, again.status(), again.body());
            await("redelivered", () -> receiver.received().size() == 2);
            assertEquals(receiver.received().get(0).id(), receiver.received().get(1).id());
        }
    }

    @Test
    void only_admins_manage_webhooks_and_bad_input_gets_field_messages() {
        ApiClient rep = DemoLogins.as(application, Role.REP);
        assertEquals(403, rep.get("/api/webhooks").status());
        assertEquals(403, rep.post("/api/webhooks", "{\"url\": \"https://203.0.113.9/x\", \"events\": [\"*\"]}").status());

        ApiClient.Response invalid = admin.post("/api/webhooks", "{\"url\": \"ftp://x\", \"events\": [\"contact.exploded\"]}");
        assertEquals(400, invalid.status());
        assertTrue(invalid.header("Content-Type").startsWith("application/problem+json"));
        assertTrue(invalid.json().at("/errors/events").asText().contains("contact.exploded"));
        assertTrue(admin.get("/api/webhooks/events").json().size() >= 20);
    }
}
