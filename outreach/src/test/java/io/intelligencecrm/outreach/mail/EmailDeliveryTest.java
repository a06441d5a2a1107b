package io.intelligencecrm.outreach.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.outreach.testing.OutreachFixture;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Queued email reaches the SMTP server (GreenMail) once, with its compliance headers, and is logged. */
class EmailDeliveryTest {
    private OutreachFixture fixture;
    private TenantId tenant;
    private Actor rep;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        fixture = new OutreachFixture(Map.of("CRM_MAIL_DAILY_CAP", "3"), Clock.systemUTC());
        tenant = fixture.tenant("mail");
        rep = fixture.user(tenant, "rep@mail.example", Role.REP);
        dispatcher = fixture.dispatcher(fixture.outreach.emailDelivery());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private String delivery(UUID contactId) {
        return fixture.database.tenants().inTenant(tenant, handle -> handle.createQuery("""
                        select metadata ->> 'delivery' from interactions where contact_id = :contact and type = 'email'""")
                .bind("contact", contactId).mapTo(String.class).one());
    }

    @Test
    void a_queued_email_to_a_contact_is_sent_once_with_unsubscribe_headers_and_its_interaction_says_sent()
            throws Exception {
        Contact ada = fixture.contact(rep, "Ada", "ada@customer.example");
        assertTrue(fixture.outreach.emailQueue().toContact(rep, ada.id(), "Hello Ada", "Shall we talk?", "test:1"));
        assertEquals(false, fixture.outreach.emailQueue().toContact(rep, ada.id(), "Hello Ada", "Again", "test:1"));
        assertEquals("queued", delivery(ada.id()));

        dispatcher.drain();
        dispatcher.drain();

        MimeMessage[] received = fixture.mail.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage mail = received[0];
        assertEquals("Hello Ada", mail.getSubject());
        assertEquals("sales@crm.example", mail.getFrom()[0].toString());
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
        assertTrue(unsubscribe.startsWith("<http://crm.test/unsubscribe/"), unsubscribe);
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post")[0]);
        assertTrue(((String) mail.getContent()).contains("Unsubscribe: http://crm.test/unsubscribe/"));
        assertEquals("sent", delivery(ada.id()));
    }

    @Test
    void mail_over_the_daily_cap_waits_for_the_next_day() {
        for (int i = 0; i < 5; i++) {
            Contact contact = fixture.contact(rep, "C" + i, "c" + i + "@customer.example");
            fixture.outreach.emailQueue().toContact(rep, contact.id(), "Hi", "Body", "cap:" + i);
        }
        dispatcher.drain();
        assertEquals(3, fixture.mail.getReceivedMessages().length);
        long waiting = fixture.database.tenants().inTenant(tenant, handle -> handle.createQuery("""
                        select count(*) from outbox where status = 'pending' and available_at > now() + interval '1 minute'
                           and attempts = 0""").mapTo(Long.class).one());
        assertEquals(2, waiting, "deferred to tomorrow without using up attempts");
    }

    @Test
    void a_user_without_a_tenant_smtp_server_gets_the_products_default_and_captured_mail_is_kept_when_none()
            throws Exception {
        try (OutreachFixture captured = new OutreachFixture(Map.of("CRM_SMTP_HOST", "capture"), Clock.systemUTC())) {
            TenantId other = captured.tenant("capture");
            Actor admin = captured.user(other, "admin@capture.example", Role.ADMIN);
            Contact bob = captured.contact(admin, "Bob", "bob@customer.example");
            captured.outreach.emailQueue().toContact(admin, bob.id(), "Captured", "Body", "cap:1");
            captured.dispatcher(captured.outreach.emailDelivery()).drain();
            assertEquals(0, captured.mail.getReceivedMessages().length);
            var mails = captured.outreach.capturedMails().recent(admin, 10, null);
            assertEquals(1, mails.size());
            assertEquals("Captured", mails.getFirst().subject());
            assertTrue(mails.getFirst().raw().contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        }
    }
}
