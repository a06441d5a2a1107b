package io.intelligencecrm.outreach.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.outreach.delivery.DeliveryOutcome;
import io.intelligencecrm.outreach.testing.FaultySmtpServer;
import io.intelligencecrm.outreach.testing.OutreachFixture;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against an SMTP server that refuses some recipients, goes away and drops connections: every valid mail
 * arrives exactly once, and every failure is recorded on the recipient it happened to (delivery row,
 * timeline, the sender's notification). Retry timings are short here; the defaults are minutes to days.
 */
class DeliveryFaultsTest {
    private FaultySmtpServer smtp;
    private OutreachFixture fixture;
    private TenantId tenant;
    private Actor rep;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        smtp = new FaultySmtpServer();
        fixture = new OutreachFixture(Map.of("CRM_SMTP_PORT", String.valueOf(smtp.port()),
                "CRM_MAIL_RETRY_FIRST_DELAY", "PT0.2S", "CRM_MAIL_RETRY_MAX_DELAY", "PT0.5S",
                "CRM_MAIL_RETRY_PERIOD", "PT3S"), Clock.systemUTC());
        tenant = fixture.tenant("faults");
        rep = fixture.user(tenant, "rep@faults.example", Role.REP);
        dispatcher = fixture.dispatcher(fixture.outreach.emailDelivery());
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
        smtp.close();
    }

    private Contact queue(String first, String email) {
        Contact contact = fixture.contact(rep, first, email);
        fixture.outreach.emailQueue().toContact(rep, contact.id(), "Hello " + first, "Shall we talk?",
                "faults:" + email);
        return contact;
    }

    /** Dispatches until nothing waits in the outbox (deferred mail comes due after its short delay). */
    private void settle() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            dispatcher.drain();
            long waiting = fixture.database.tenants().inTenant(tenant, handle -> handle.createQuery(
                    "select count(*) from outbox where status in ('pending', 'processing')").mapTo(Long.class).one());
            if (waiting == 0) return;
            Thread.sleep(100);
        }
        throw new AssertionError("the outbox did not settle");
    }

    private Map<String, Object> delivery(String email) {
        return fixture.database.tenants().inTenant(tenant, handle -> handle.createQuery("""
                        select status, coalesce(last_error, '') as error, (first_refused_at is not null) as refused
                          from deliveries where recipient = :email""")
                .bind("email", email).mapToMap().one());
    }

    private Map<String, Object> timeline(UUID contactId) {
        return fixture.database.tenants().inTenant(tenant, handle -> handle.createQuery("""
                        select metadata ->> 'delivery' as delivery, metadata ->> 'note' as note
                          from interactions where contact_id = :contact and type = 'email'""")
                .bind("contact", contactId).mapToMap().one());
    }

    private List<String> notices() {
        return fixture.database.tenants().inTenant(tenant, handle -> handle.createQuery("""
                        select title || ' | ' || body from notifications where user_id = :user order by created_at""")
                .bind("user", rep.userId()).mapTo(String.class).list());
    }

    @Test
    void a_greylisted_recipient_waits_alone_a_refused_one_fails_alone_and_the_rest_goes_out_at_once() throws Exception {
        smtp.refuse("grey@faults.example", "451 4.7.1 Greylisted, try again later", 2);
        smtp.refuse("gone@faults.example", "550 5.1.1 <gone@faults.example>: no such user", 0);
        Contact grey = queue("Grey", "grey@faults.example");
        Contact gone = queue("Gone", "gone@faults.example");
        Contact ok = queue("Ok", "ok@faults.example");

        dispatcher.drain();
        assertEquals(1, smtp.acceptedFor("ok@faults.example").size(), "the valid recipient did not wait");
        assertEquals("deferred", delivery("grey@faults.example").get("status"));
        assertEquals("deferred", timeline(grey.id()).get("delivery"));
        assertTrue(((String) timeline(grey.id()).get("note")).contains("451 4.7.1 Greylisted"));
        assertEquals("failed", delivery("gone@faults.example").get("status"));

        settle();
        assertEquals(1, smtp.acceptedFor("grey@faults.example").size());
        assertEquals(1, smtp.acceptedFor("ok@faults.example").size());
        assertEquals(0, smtp.acceptedFor("gone@faults.example").size());
        assertEquals(3, smtp.rcptCount("grey@faults.example"), "two refusals, then accepted");
        assertEquals(1, smtp.rcptCount("gone@faults.example"), "a permanent refusal is not retried");
        assertEquals("sent", delivery("grey@faults.example").get("status"));
        assertEquals("sent", timeline(grey.id()).get("delivery"));
        assertEquals("sent", timeline(ok.id()).get("delivery"));
        Map<String, Object> refused = delivery("gone@faults.example");
        assertTrue(((String) refused.get("error")).contains("550 5.1.1 <gone@faults.example>: no such user"), refused.toString());
        assertEquals("failed", timeline(gone.id()).get("delivery"));
        assertTrue(((String) timeline(gone.id()).get("note")).contains("550 5.1.1"));
        List<String> notices = notices();
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.getFirst().startsWith("Mail to gone@faults.example was not delivered"), notices.toString());
        assertEquals(0, stillSending());
    }

    @Test
    void a_recipient_refused_for_the_whole_retry_period_fails_for_good_and_the_sender_is_told() throws Exception {
        smtp.refuse("slow@faults.example", "452 4.2.2 Mailbox full", 1000);
        Contact slow = queue("Slow", "slow@faults.example");

        settle();
        Map<String, Object> final_ = delivery("slow@faults.example");
        assertEquals("failed", final_.get("status"));
        assertTrue(((String) final_.get("error")).startsWith("refused for 3 seconds, the last time with: 452 4.2.2"),
                final_.toString());
        assertTrue(smtp.rcptCount("slow@faults.example") >= 4, "retried with growing delays until the period ended");
        assertEquals("failed", timeline(slow.id()).get("delivery"));
        assertTrue(notices().getFirst().contains("452 4.2.2 Mailbox full"));
        assertEquals(0, smtp.accepted().size());
    }

    @Test
    void while_the_server_refuses_connections_mail_waits_without_using_its_retry_period_then_goes_out_once()
            throws Exception {
        smtp.stopListening();
        Contact a = queue("A", "a@faults.example");
        queue("B", "b@faults.example");

        dispatcher.drain();
        assertEquals("deferred", delivery("a@faults.example").get("status"));
        assertEquals(false, delivery("a@faults.example").get("refused"), "nobody refused it: the period has not begun");
        assertTrue(((String) timeline(a.id()).get("note")).contains("could not be reached"));
        int attempts = fixture.database.tenants().inTenant(tenant, handle -> handle.createQuery(
                "select max(attempts) from outbox").mapTo(Integer.class).one());
        assertEquals(0, attempts, "a connection failure is no attempt");

        Thread.sleep(3500); // longer than the retry period: it must not have run out
        dispatcher.drain();
        assertEquals("deferred", delivery("a@faults.example").get("status"));
        smtp.listen();
        settle();
        assertEquals(1, smtp.acceptedFor("a@faults.example").size());
        assertEquals(1, smtp.acceptedFor("b@faults.example").size());
        assertEquals("sent", timeline(a.id()).get("delivery"));
    }

    @Test
    void a_server_that_drops_the_connection_after_accepting_or_at_once_still_gets_every_mail_exactly_once()
            throws Exception {
        smtp.dropOnConnect(1);
        smtp.dropAfterAccepting(3);
        for (int i = 0; i < 6; i++) queue("P" + i, "p" + i + "@faults.example");

        settle();
        for (int i = 0; i < 6; i++) {
            assertEquals(1, smtp.acceptedFor("p" + i + "@faults.example").size(), "p" + i);
            assertEquals("sent", delivery("p" + i + "@faults.example").get("status"));
        }
        assertEquals(6, smtp.accepted().stream().map(FaultySmtpServer.Accepted::messageId).distinct().count());
        assertEquals(0, stillSending());
    }

    @Test
    void a_send_whose_lease_ended_is_not_counted_against_the_cap_and_is_tried_again() throws Exception {
        Contact late = queue("Late", "late@faults.example");
        var deliveries = fixture.outreach.deliveries();
        String key = "faults:late@faults.example";
        DeliveryOutcome start = new DeliveryOutcome(key, "email", "late@faults.example", "<late@crm>", "sending",
                null, null);
        deliveries.begin(tenant, List.of(start), Instant.now().plusSeconds(60));
        assertEquals(1, deliveries.sentToday(tenant, "email"), "in flight within its lease");
        deliveries.begin(tenant, List.of(start), Instant.now().minusSeconds(1));
        assertEquals(0, deliveries.sentToday(tenant, "email"), "a node that stopped mid-send holds no cap");
        assertEquals(1, deliveries.releaseExpired(tenant));
        assertEquals("deferred", timeline(late.id()).get("delivery"));

        settle();
        assertEquals(1, smtp.acceptedFor("late@faults.example").size());
        assertEquals(1, deliveries.sentToday(tenant, "email"));
        assertEquals(0, stillSending());
    }

    private long stillSending() {
        return fixture.database.tenants().inTenant(tenant, handle -> handle.createQuery(
                "select count(*) from deliveries where status = 'sending'").mapTo(Long.class).one());
    }
}
