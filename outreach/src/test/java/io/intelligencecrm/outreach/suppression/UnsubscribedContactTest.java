package io.intelligencecrm.outreach.suppression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.outreach.mail.OutboundEmail;
import io.intelligencecrm.outreach.testing.OutreachFixture;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** An address that unsubscribed through its link gets nothing, whichever path queued the mail. */
@Tag("slow")
class UnsubscribedContactTest {
    private OutreachFixture fixture;
    private TenantId tenant;
    private Actor rep;

    @BeforeEach
    void setUp() {
        fixture = new OutreachFixture();
        tenant = fixture.tenant("unsub");
        rep = fixture.user(tenant, "rep@unsub.example", Role.REP);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void an_unsubscribed_contact_receives_nothing_from_any_path() {
        Contact ada = fixture.contact(rep, "Ada", "Ada@Customer.example");
        String link = fixture.outreach.unsubscribe().link(tenant, ada.email());
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertEquals("ada@customer.example", fixture.outreach.unsubscribe().unsubscribe(token).orElseThrow());
        assertTrue(fixture.outreach.unsubscribe().unsubscribe(token + "x").isEmpty(), "a forged token does nothing");

        // Workflow and chat paths: the email queue, and a proposal's raw outbox message (SendEmailHandler's shape).
        fixture.outreach.emailQueue().toContact(rep, ada.id(), "Workflow mail", "Body", "workflow:r1:s1:" + ada.id());
        Map<String, Object> proposalPayload = new LinkedHashMap<>(new OutboundEmail("ADA@customer.example",
                "Proposal mail", "Body", ada.id().toString(), rep.userId().toString()).toPayload());
        fixture.core.outbox().enqueue(tenant, OutboundEmail.KIND, proposalPayload, "proposal:p1:" + ada.id());
        // Queued before the unsubscribe took effect elsewhere: still stopped at send time.
        fixture.dispatcher(fixture.outreach.emailDelivery()).drain();

        assertEquals(0, fixture.mail.getReceivedMessages().length);
        assertEquals("suppressed", fixture.database.tenants().inTenant(tenant, handle -> handle.createQuery(
                "select metadata ->> 'delivery' from interactions where type = 'email'").mapTo(String.class).one()));
        assertEquals(2L, (long) fixture.database.tenants().inTenant(tenant, handle -> handle.createQuery(
                "select count(*) from deliveries where status = 'suppressed'").mapTo(Long.class).one()));
    }

    @Test
    void another_tenants_token_cannot_unsubscribe_here() {
        TenantId other = fixture.tenant("unsub-other");
        String link = fixture.outreach.unsubscribe().link(other, "ada@customer.example");
        fixture.outreach.unsubscribe().unsubscribe(link.substring(link.lastIndexOf('/') + 1));
        assertTrue(!fixture.outreach.suppressions().isSuppressed(tenant, "ada@customer.example"));
        assertTrue(fixture.outreach.suppressions().isSuppressed(other, "ada@customer.example"));
    }
}
