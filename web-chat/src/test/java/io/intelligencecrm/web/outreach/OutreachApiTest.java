package io.intelligencecrm.web.outreach;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.outreach.sms.TwilioSignature;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.CrmApplicationTest;
import io.intelligencecrm.web.testing.DemoLogins;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The running application delivers queued mail by itself (its dispatcher runs), keeps it in the
 * development capture when no SMTP server is configured, and serves the unsubscribe link without login.
 */
// SMS goes to a closed local port: texts stay queued for retry, nothing leaves the machine.
@CrmApplicationTest(environment = {"CRM_MAIL_DISPATCH_MILLIS=100", "CRM_SMS_TWILIO_URL=http://127.0.0.1:9"})
class OutreachApiTest {
    private static CrmApplication application;
    private static ApiClient admin;

    @BeforeAll
    static void start(CrmApplication started) {
        application = started;
        admin = DemoLogins.as(application, Role.ADMIN);
    }

    @Test
    void queued_mail_is_captured_and_its_unsubscribe_link_works_without_login() throws Exception {
        String email = "unsub-" + UUID.randomUUID() + "@customer.example";
        JsonNode contact = admin.post("/api/contacts", "{\"firstName\": \"Una\", \"email\": \"" + email + "\"}").json();
        JsonNode me = admin.get("/api/auth/me").json();
        Actor actor = Actor.user(application.services().directory().findBySlugOrDomain(DemoData.SLUG).orElseThrow()
                .tenantId(), UUID.fromString(me.get("id").asText()), Role.ADMIN);
        application.outreach().emailQueue().toContact(actor, UUID.fromString(contact.get("id").asText()),
                "Welcome", "Hello Una", "test:" + UUID.randomUUID());

        JsonNode captured = await("the dispatcher delivered it").atMost(Duration.ofSeconds(10))
                .until(() -> admin.get("/api/outreach/captured?to=" + email).json(), list -> !list.isEmpty());
        assertEquals(1, captured.size(), "the dispatcher delivered it to the capture");
        String raw = captured.get(0).get("raw").asText();
        Matcher link = Pattern.compile("List-Unsubscribe: <([^>]+)>").matcher(raw);
        assertTrue(link.find(), raw);
        String path = URI.create(link.group(1)).getPath();

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(application.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(email));
        assertTrue(page.body().contains("<form method=\"post\">"), page.body());
        assertTrue(admin.get("/api/outreach/suppressions").body().indexOf(email) < 0, "GET alone changes nothing");

        HttpResponse<String> oneClick = http.send(HttpRequest.newBuilder(URI.create(application.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, oneClick.statusCode());
        assertTrue(admin.get("/api/outreach/suppressions").body().contains(email));
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(application.url()
                + path.substring(0, path.length() - 2) + "xx")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, forged.statusCode());
    }

    @Test
    void mail_settings_keep_passwords_sealed_and_never_return_them() {
        ApiClient.Response saved = admin.send("PUT", "/api/outreach/settings",
                "{\"fromAddress\": \"team@demo.example\", \"smtpPassword\": \"hunter2\", \"dailyCap\": 50}",
                "application/json");
        assertEquals(200, saved.status(), saved.body());
        assertTrue(saved.json().get("smtpPasswordSet").asBoolean());
        assertTrue(!saved.body().contains("hunter2"));
        assertEquals(400, admin.send("PUT", "/api/outreach/settings", "{\"smtpPort\": 70000}", "application/json")
                .status());
        assertEquals(403, DemoLogins.as(application, Role.REP).get("/api/outreach/settings").status());
    }

    @Test
    void a_text_is_proposed_over_rest_approved_and_queued_and_signed_replies_reach_the_webhook() throws Exception {
        ApiClient.Response settings = admin.send("PUT", "/api/outreach/sms", "{\"accountSid\": \"AC9\", "
                + "\"authToken\": \"sms-token-9\", \"fromNumber\": \"+15550009999\", \"quietHours\": \"22-7\"}",
                "application/json");
        assertEquals(200, settings.status(), settings.body());
        assertTrue(!settings.body().contains("sms-token-9"), "the token is never returned");
        assertEquals("tenant", settings.json().get("account").asText());
        assertEquals("22-7", settings.json().get("quietHours").asText());
        assertEquals(400, admin.send("PUT", "/api/outreach/sms", "{\"quietHours\": \"25-7\"}", "application/json")
                .status());

        String phone = "+1555" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
        JsonNode contact = admin.post("/api/contacts", "{\"firstName\": \"Tex\", \"phone\": \"" + phone + "\"}").json();
        String contactId = contact.get("id").asText();
        ApiClient.Response proposed = admin.post("/api/contacts/" + contactId + "/sms", "{\"body\": \"Hi {{firstName}}\"}");
        assertEquals(202, proposed.status(), proposed.body());
        assertEquals("sms.send", proposed.json().get("action").asText());
        ApiClient.Response approved = admin.post("/api/proposals/" + proposed.json().get("id").asText() + "/approve",
                "{\"argumentsHash\": \"" + proposed.json().get("argumentsHash").asText() + "\"}");
        assertEquals(200, approved.status(), approved.body());
        String timeline = admin.get("/api/interactions?contactId=" + contactId).body();
        assertTrue(timeline.contains("Hi Tex") && timeline.contains("\"sms\""), timeline);

        String webhook = settings.json().get("webhookUrl").asText() + "/inbound";
        String path = URI.create(webhook).getPath();
        Map<String, String> form = Map.of("MessageSid", "SM-" + UUID.randomUUID(), "From", phone, "To", "+15550009999",
                "Body", "STOP");
        String encoded = form.entrySet().stream().map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(),
                java.nio.charset.StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(application.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(TwilioSignature.HEADER, TwilioSignature.sign("wrong", webhook, form))
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode());
        HttpResponse<String> stop = http.send(HttpRequest.newBuilder(URI.create(application.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(TwilioSignature.HEADER, TwilioSignature.sign("sms-token-9", webhook, form))
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stop.statusCode(), stop.body());
        assertTrue(stop.body().contains("<Response>"), stop.body());
        assertTrue(admin.get("/api/outreach/suppressions").body().contains(phone), "STOP suppressed the number");

        ApiClient.Response refused = admin.post("/api/contacts/" + contactId + "/sms", "{\"body\": \"Again\"}");
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("suppression list"), refused.body());
    }
}
