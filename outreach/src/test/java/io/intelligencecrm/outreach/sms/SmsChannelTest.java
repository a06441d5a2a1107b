package io.intelligencecrm.outreach.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.core.outbox.OutboxHandler;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.outreach.testing.OutreachFixture;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SMS as a channel against a local server speaking Twilio's wire protocol: sent once through the tenant's
 * own account, held back in the contact's quiet hours, status callbacks and inbound texts accepted only with
 * the provider's signature, STOP/START/HELP, replies on the timeline.
 */
class SmsChannelTest {
    /**
     * Tomorrow 12:00 UTC: 21:00 in Tokyo (quiet), noon in Lisbon (both without summer time). Tomorrow, because
     * the outbox compares due times with the database's clock.
     */
    private static final Instant NOW = java.time.LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(12, 0)
            .toInstant(ZoneOffset.UTC);
    private static final String TOKEN = "tenant-token-1";

    private TwilioStandIn twilio;
    private OutreachFixture fixture;
    private TenantId tenant;
    private Actor rep;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() throws IOException {
        twilio = new TwilioStandIn();
        twilio.tokens.put("AC1", TOKEN);
        fixture = new OutreachFixture(Map.of("CRM_SMS_TWILIO_URL", twilio.url()), Clock.fixed(NOW, ZoneOffset.UTC));
        tenant = fixture.tenant("sms");
        rep = fixture.user(tenant, "rep@sms.example", Role.REP);
        Actor admin = fixture.user(tenant, "admin@sms.example", Role.ADMIN);
        SmsSettings saved = fixture.outreach.smsSettings().update(admin, Map.of("accountSid", "AC1", "authToken", TOKEN,
                "fromNumber", "+1 555 000 1111", "helpText", "Acme sales: call +15550001111."));
        assertEquals("tenant", saved.account());
        assertTrue(saved.authTokenSet());
        dispatcher = fixture.dispatcher(fixture.outreach.deliveryHandlers().toArray(new OutboxHandler[0]));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
        twilio.close();
    }

    @Test
    void a_text_goes_out_once_through_the_tenants_own_account_and_a_signed_status_callback_marks_it_delivered() {
        assertFalse(sql("select auth_token_sealed from sms_settings").contains(TOKEN), "the token is stored sealed");
        Contact sam = contact("Sam", "+1 (555) 000-0123", "Europe/Lisbon");
        assertTrue(fixture.outreach.smsQueue().toContact(rep, sam.id(), "Your demo is at 3pm", "t:1"));
        assertFalse(fixture.outreach.smsQueue().toContact(rep, sam.id(), "Your demo is at 3pm", "t:1"), "same cause");
        dispatcher.drain();
        dispatcher.drain();

        assertEquals(1, twilio.received.size());
        Map<String, String> sent = twilio.received.getFirst();
        assertEquals("+15550000123", sent.get("To"));
        assertEquals("+15550001111", sent.get("From"));
        assertEquals("Your demo is at 3pm", sent.get("Body"));
        String callback = "http://crm.test/webhooks/sms/" + tenant.value() + "/status";
        assertEquals(callback, sent.get("StatusCallback"));
        assertEquals("sent", sql("select status from deliveries where idempotency_key = 't:1'"));

        Map<String, String> forged = Map.of("MessageSid", "SM1", "MessageStatus", "undelivered", "To", "+15550000123");
        assertEquals(403, fixture.outreach.smsWebhooks().status(tenant, callback, forged,
                TwilioSignature.sign("not-the-token", callback, forged)).status());
        assertEquals("sent", sql("select status from deliveries where idempotency_key = 't:1'"), "forged: no change");

        Map<String, String> delivered = Map.of("MessageSid", "SM1", "MessageStatus", "delivered", "To", "+15550000123");
        assertEquals(204, fixture.outreach.smsWebhooks().status(tenant, callback, delivered,
                TwilioSignature.sign(TOKEN, callback, delivered)).status());
        assertEquals("delivered", sql("select status from deliveries where idempotency_key = 't:1'"));
        assertEquals("delivered", sql("select metadata ->> 'delivery' from interactions where type = 'sms'"));
    }

    @Test
    void a_text_waits_for_the_end_of_the_quiet_hours_in_the_contacts_own_time_zone() {
        Contact tokyo = contact("Aki", "+815000000001", "Asia/Tokyo");
        Contact lisbon = contact("Rui", "+351900000001", "Europe/Lisbon");
        Contact unknownZone = contact("Zed", "+15550000777", "Mars/Olympus");
        fixture.outreach.smsQueue().toContact(rep, tokyo.id(), "Hello Aki", "q:tokyo");
        fixture.outreach.smsQueue().toContact(rep, lisbon.id(), "Hello Rui", "q:lisbon");
        fixture.outreach.smsQueue().toContact(rep, unknownZone.id(), "Hello Zed", "q:unknown");
        dispatcher.drain();

        assertEquals(List.of("+351900000001", "+15550000777"), twilio.received.stream().map(m -> m.get("To")).toList(),
                "noon in Lisbon and in the tenant's zone (UTC, for a zone that is not one): sent now");
        assertEquals("deferred", sql("select status from deliveries where idempotency_key = 'q:tokyo'"));
        // Quiet from 21:00 to 08:00 by default: 08:00 in Tokyo is 23:00 UTC.
        Instant expected = NOW.plus(java.time.Duration.ofHours(11));
        assertEquals(expected, Instant.parse(sql("""
                select to_char(retry_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') from deliveries
                 where idempotency_key = 'q:tokyo'""")));
        assertEquals(expected, Instant.parse(sql("""
                select to_char(available_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') from outbox
                 where idempotency_key = 'q:tokyo'""")), "the outbox holds it until then, without using an attempt");
    }

    @Test
    void stop_start_and_help_are_handled_only_when_signed_and_replies_land_once_on_the_timeline() {
        Contact sam = contact("Sam", "+15550000123", null);
        String inbound = "http://crm.test/webhooks/sms/" + tenant.value() + "/inbound";

        SmsWebhookResponse forged = inbound(inbound, "STOP", "SMf", "wrong-token");
        assertEquals(403, forged.status());
        assertFalse(fixture.outreach.suppressions().isSuppressed(tenant, "+15550000123"), "forged STOP: no change");

        SmsWebhookResponse stop = inbound(inbound, " stop. ", "SM10", TOKEN);
        assertEquals(200, stop.status());
        assertEquals("text/xml", stop.contentType());
        assertTrue(fixture.outreach.suppressions().isSuppressed(tenant, "+15550000123"));
        fixture.outreach.smsQueue().toContact(rep, sam.id(), "Still there?", "s:1");
        dispatcher.drain();
        assertTrue(twilio.received.isEmpty(), "nothing goes to a number that replied STOP");
        assertEquals("suppressed", sql("select status from deliveries where idempotency_key = 's:1'"));

        assertTrue(inbound(inbound, "HELP", "SM11", TOKEN).body()
                .contains("<Message>Acme sales: call +15550001111.</Message>"));
        inbound(inbound, "Start", "SM12", TOKEN);
        assertFalse(fixture.outreach.suppressions().isSuppressed(tenant, "+15550000123"), "START lifts the opt-out");

        inbound(inbound, "Sounds good, see you then", "SM13", TOKEN);
        inbound(inbound, "Sounds good, see you then", "SM13", TOKEN);
        assertEquals("4", sql("""
                select count(*) from interactions where type = 'sms' and direction = 'inbound'
                   and contact_id = '%s'""".formatted(sam.id())), "STOP, HELP, START and the reply, each once");
        assertEquals("STOP", sql("select metadata ->> 'keyword' from interactions where metadata ->> 'messageSid' = 'SM10'"));

        fixture.outreach.suppressions().suppress(tenant, "+15550000999", "sms", "manual", "blocked by a person");
        inbound(inbound, "START", "SM14", TOKEN, "+15550000999");
        assertTrue(fixture.outreach.suppressions().isSuppressed(tenant, "+15550000999"), "START never lifts a block");
    }

    @Test
    void a_number_opted_out_at_the_carrier_is_suppressed_and_the_sender_is_told() {
        twilio.optedOutAtCarrier.add("+15550000456");
        Contact kim = contact("Kim", "+15550000456", null);
        fixture.outreach.smsQueue().toContact(rep, kim.id(), "Hi Kim", "c:1");
        dispatcher.drain();
        assertTrue(fixture.outreach.suppressions().isSuppressed(tenant, "+15550000456"));
        assertEquals("failed", sql("select status from deliveries where idempotency_key = 'c:1'"));
        assertEquals("1", sql("select count(*) from notifications where user_id = '%s' and title like 'Text to%%'"
                .formatted(rep.userId())));
    }

    private SmsWebhookResponse inbound(String url, String body, String sid, String token) {
        return inbound(url, body, sid, token, "+15550000123");
    }

    private SmsWebhookResponse inbound(String url, String body, String sid, String token, String from) {
        Map<String, String> form = Map.of("MessageSid", sid, "AccountSid", "AC1", "From", from, "To", "+15550001111",
                "Body", body);
        return fixture.outreach.smsWebhooks().inbound(tenant, url, form, TwilioSignature.sign(token, url, form));
    }

    private Contact contact(String first, String phone, String zone) {
        Map<String, Object> fields = new HashMap<>(Map.of("firstName", first, "lastName", "Test", "phone", phone,
                "email", first.toLowerCase() + "-" + UUID.randomUUID() + "@customer.example"));
        if (zone != null) fields.put("custom", Map.of("timezone", zone));
        return fixture.core.contacts().create(rep, fields);
    }

    private String sql(String query) {
        return fixture.database.tenants().inTenant(tenant, handle -> handle.createQuery(query).mapTo(String.class).one());
    }
}
