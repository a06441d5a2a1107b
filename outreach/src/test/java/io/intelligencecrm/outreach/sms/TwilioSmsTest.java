package io.intelligencecrm.outreach.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.outreach.testing.OutreachFixture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SMS through a local server speaking Twilio's Messages API: sent once, STOP replies suppress the number. */
class TwilioSmsTest {
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private HttpServer twilio;
    private OutreachFixture fixture;
    private TenantId tenant;
    private Actor rep;

    @BeforeEach
    void setUp() throws IOException {
        twilio = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        twilio.createContext("/2010-04-01/Accounts/AC123/Messages.json", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> fields = new java.util.HashMap<>();
            for (String pair : form.split("&")) {
                String[] kv = pair.split("=", 2);
                fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            String body;
            int status;
            if (!("Basic " + Base64.getEncoder().encodeToString("AC123:secret-token".getBytes())).equals(auth)) {
                status = 401;
                body = "{\"code\": 20003, \"message\": \"Authenticate\", \"status\": 401}";
            } else if (fields.get("To").equals("+15550000999")) {
                status = 400;
                body = "{\"code\": 21610, \"message\": \"Attempt to send to unsubscribed recipient\", \"status\": 400}";
            } else {
                received.add(fields);
                status = 201;
                body = "{\"sid\": \"SM" + received.size() + "\", \"status\": \"queued\", \"to\": \"" + fields.get("To") + "\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        twilio.start();
        fixture = new OutreachFixture(Map.of("CRM_SMS_TWILIO_ACCOUNT_SID", "AC123",
                "CRM_SMS_TWILIO_AUTH_TOKEN", "secret-token", "CRM_SMS_FROM", "+15550001111",
                "CRM_SMS_TWILIO_URL", "http://127.0.0.1:" + twilio.getAddress().getPort()), Clock.systemUTC());
        tenant = fixture.tenant("sms");
        rep = fixture.user(tenant, "rep@sms.example", Role.REP);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
        twilio.stop(0);
    }

    @Test
    void a_queued_text_is_sent_once_through_the_twilio_api_and_a_stop_reply_suppresses_the_number() {
        Contact contact = fixture.contact(rep, "Sam", "sam@customer.example");
        fixture.core.outbox().enqueue(tenant, OutboundSms.KIND,
                new OutboundSms("+1 555 000 0123", "Your demo is at 3pm", contact.id().toString()).toPayload(), "sms:1");
        fixture.core.outbox().enqueue(tenant, OutboundSms.KIND,
                new OutboundSms("+1 555 000 0999", "Hello", null).toPayload(), "sms:2");
        var dispatcher = fixture.dispatcher(fixture.outreach.deliveryHandlers().toArray(new io.intelligencecrm.core
                .outbox.OutboxHandler[0]));
        dispatcher.drain();
        dispatcher.drain();

        assertEquals(1, received.size());
        assertEquals(Map.of("To", "+15550000123", "From", "+15550001111", "Body", "Your demo is at 3pm"),
                received.getFirst());
        assertTrue(fixture.outreach.suppressions().isSuppressed(tenant, "+15550000999"), "STOP reply suppressed");

        fixture.core.outbox().enqueue(tenant, OutboundSms.KIND, new OutboundSms("+15550000999", "Again", null)
                .toPayload(), "sms:3");
        dispatcher.drain();
        assertEquals(1, received.size(), "a suppressed number gets nothing");
        assertEquals("sent", fixture.database.tenants().inTenant(tenant, handle -> handle.createQuery(
                "select status from deliveries where idempotency_key = 'sms:1'").mapTo(String.class).one()));
    }
}
