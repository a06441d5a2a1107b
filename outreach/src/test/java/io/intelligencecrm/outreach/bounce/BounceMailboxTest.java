package io.intelligencecrm.outreach.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.user.GreenMailUser;
import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.outreach.testing.OutreachFixture;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A delivery status notification in the tenant's IMAP bounce mailbox (GreenMail) suppresses the address. */
class BounceMailboxTest {
    private OutreachFixture fixture;
    private TenantId tenant;
    private Actor admin;
    private GreenMailUser mailbox;

    @BeforeEach
    void setUp() {
        fixture = new OutreachFixture();
        tenant = fixture.tenant("bounce");
        admin = fixture.user(tenant, "admin@bounce.example", Role.ADMIN);
        mailbox = fixture.mail.setUser("bounces@crm.example", "bounces", "mailbox-secret");
        Map<String, Object> settings = new HashMap<>();
        settings.put("imapHost", "127.0.0.1");
        settings.put("imapPort", fixture.mail.getImap().getPort());
        settings.put("imapSecurity", "none");
        settings.put("imapUsername", "bounces");
        settings.put("imapPassword", "mailbox-secret");
        fixture.outreach.mailSettings().update(admin, settings);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void a_bounce_mailbox_that_cannot_be_read_shows_in_the_mail_settings_until_it_works_again() throws Exception {
        fixture.outreach.bounces().poll(tenant);
        assertEquals(null, fixture.outreach.mailSettings().get(admin).imapError());
        fixture.outreach.mailSettings().update(admin, Map.of("imapPassword", "wrong"));
        org.junit.jupiter.api.Assertions.assertThrows(jakarta.mail.MessagingException.class,
                () -> fixture.outreach.bounces().poll(tenant));

        var settings = fixture.outreach.mailSettings().get(admin);
        assertTrue(settings.imapError() != null && settings.imapCheckedAt() != null, settings.toString());
        assertTrue(settings.warnings().stream().anyMatch(w -> w.startsWith("The bounce mailbox cannot be read")),
                settings.warnings().toString());

        fixture.outreach.mailSettings().update(admin, Map.of("imapPassword", "mailbox-secret"));
        fixture.outreach.bounces().poll(tenant);
        assertEquals(null, fixture.outreach.mailSettings().get(admin).imapError());
    }

    @Test
    void a_bounce_dsn_suppresses_the_address_and_marks_the_delivery_bounced() throws Exception {
        Contact gone = fixture.contact(admin, "Gone", "gone@customer.example");
        fixture.outreach.emailQueue().toContact(admin, gone.id(), "Hello", "Body", "bounce:1");
        fixture.dispatcher(fixture.outreach.emailDelivery()).drain();
        String sentId = fixture.mail.getReceivedMessagesForDomain("customer.example")[0].getMessageID();

        mailbox.deliver(message(dsn("gone@customer.example", "failed", "5.1.1", sentId)));
        mailbox.deliver(message(dsn("slow@customer.example", "delayed", "4.4.7", null)));
        mailbox.deliver(message("From: someone@else.example\r\nTo: bounces@crm.example\r\nSubject: hi\r\n\r\nnot a report\r\n"));

        assertEquals(1, fixture.outreach.bounces().poll(tenant));
        assertEquals(0, fixture.outreach.bounces().poll(tenant), "each report is handled once");

        assertTrue(fixture.outreach.suppressions().isSuppressed(tenant, "gone@customer.example"));
        assertFalse(fixture.outreach.suppressions().isSuppressed(tenant, "slow@customer.example"), "soft bounce");
        assertEquals("bounced", fixture.database.tenants().inTenant(tenant, handle -> handle.createQuery(
                "select metadata ->> 'delivery' from interactions where contact_id = :id").bind("id", gone.id())
                .mapTo(String.class).one()));
        var suppression = fixture.outreach.suppressions().list(admin, 10).getFirst();
        assertEquals("hard_bounce", suppression.reason());
    }

    private static MimeMessage message(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    private static String dsn(String recipient, String action, String status, String originalId) {
        return "From: MAILER-DAEMON@mx.customer.example\r\n"
                + "To: bounces@crm.example\r\n"
                + "Subject: Delivery Status Notification\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
                + "--b1\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mx.customer.example\r\n\r\n"
                + "Final-Recipient: rfc822; " + recipient + "\r\n"
                + "Action: " + action + "\r\n"
                + "Status: " + status + "\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 user unknown\r\n"
                + "--b1\r\nContent-Type: text/rfc822-headers\r\n\r\n"
                + (originalId == null ? "" : "Message-ID: " + originalId + "\r\n")
                + "Subject: Hello\r\n"
                + "--b1--\r\n";
    }
}
