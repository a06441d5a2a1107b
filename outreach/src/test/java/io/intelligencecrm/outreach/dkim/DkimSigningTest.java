package io.intelligencecrm.outreach.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.outreach.mail.MailSettings;
import io.intelligencecrm.outreach.testing.FaultySmtpServer;
import io.intelligencecrm.outreach.testing.OutreachFixture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mail of a tenant with a DKIM key is signed so that an independent verifier (Apache James jDKIM, with the
 * public key served by a stand-in for DNS) accepts it, over the headers one-click unsubscribe relies on.
 */
class DkimSigningTest {
    private FaultySmtpServer smtp;
    private OutreachFixture fixture;
    private TenantId tenant;
    private Actor admin;

    @BeforeEach
    void setUp() {
        smtp = new FaultySmtpServer();
        fixture = new OutreachFixture(Map.of("CRM_SMTP_PORT", String.valueOf(smtp.port())), Clock.systemUTC());
        tenant = fixture.tenant("dkim");
        admin = fixture.user(tenant, "admin@crm.example", Role.ADMIN);
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
        smtp.close();
    }

    /** DNS as the verifier sees it: exactly the record the settings tell the admin to publish. */
    private static PublicKeyRecordRetriever dns(MailSettings settings) {
        return (method, selector, domain) -> {
            if (!(selector + "._domainkey." + domain).equals(settings.dkimDnsName())) {
                throw new PermFailException("no key at " + selector + "._domainkey." + domain);
            }
            return List.of(settings.dkimDnsRecord());
        };
    }

    private String sendOne() {
        Contact ada = fixture.contact(admin, "Ada", "ada@customer.example");
        fixture.outreach.emailQueue().toContact(admin, ada.id(), "Grüße, Ada", "Shall we talk?\n\nBest,  Sam   \n\n",
                "dkim:" + ada.id());
        OutboxDispatcher dispatcher = fixture.dispatcher(fixture.outreach.emailDelivery());
        dispatcher.drain();
        assertEquals(1, smtp.accepted().size());
        return smtp.accepted().getFirst().data();
    }

    @Test
    void mail_signed_with_the_tenants_key_verifies_against_the_published_record_and_covers_unsubscribe() throws Exception {
        MailSettings settings = fixture.outreach.mailSettings().createDkimKey(admin, Map.of("domain", "CRM.example"));
        assertEquals("crm._domainkey.crm.example", settings.dkimDnsName());
        assertTrue(settings.dkimDnsRecord().startsWith("v=DKIM1; k=rsa; p=MIIB"), settings.dkimDnsRecord());

        String raw = sendOne();
        DKIMVerifier verifier = new DKIMVerifier(dns(settings));
        List<SignatureRecord> signatures = verifier.verify(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(1, signatures.size());
        SignatureRecord signature = signatures.getFirst();
        assertEquals("crm.example", signature.getDToken().toString());
        assertEquals("rsa-sha256", signature.getHashKeyType() + "-" + signature.getHashAlgo().toString().toLowerCase()
                .replace("-", ""));
        List<String> signed = signature.getHeaders().stream().map(h -> h.toString().toLowerCase()).toList();
        assertTrue(signed.containsAll(List.of("from", "to", "subject", "date", "message-id", "list-unsubscribe",
                "list-unsubscribe-post")), signed.toString());

        String tampered = raw.replaceFirst("(?m)^List-Unsubscribe: <", "List-Unsubscribe: <https://evil.example/?u=");
        assertThrows(FailException.class, () -> new DKIMVerifier(dns(settings))
                .verify(new ByteArrayInputStream(tampered.getBytes(StandardCharsets.ISO_8859_1))));
    }

    @Test
    void the_private_key_is_stored_sealed_and_settings_warn_about_plain_http_and_unsigned_mail() {
        MailSettings before = fixture.outreach.mailSettings().get(admin);
        assertTrue(before.warnings().stream().anyMatch(w -> w.contains("not https")), before.warnings().toString());
        assertTrue(before.warnings().stream().anyMatch(w -> w.contains("not signed with DKIM")), before.warnings().toString());

        MailSettings after = fixture.outreach.mailSettings().createDkimKey(admin,
                Map.of("domain", "other.example", "selector", "s2025"));
        assertTrue(after.warnings().stream().anyMatch(w -> w.contains("not in the DKIM domain other.example")),
                after.warnings().toString());
        String sealed = fixture.database.tenants().inTenant(tenant, handle -> handle.createQuery(
                "select dkim_private_key_sealed from mail_settings").mapTo(String.class).one());
        assertFalse(sealed.contains("MII"), "no PKCS#8 key in the clear");
        assertTrue(Arrays.toString(MailSettings.class.getRecordComponents()).contains("dkimDnsRecord")
                && Arrays.stream(MailSettings.class.getRecordComponents()).noneMatch(c -> c.getName().contains("rivate")));

        MailSettings removed = fixture.outreach.mailSettings().removeDkimKey(admin);
        assertEquals(null, removed.dkimDnsName());
        sendOne();
        assertFalse(smtp.accepted().getFirst().data().contains("DKIM-Signature"), "no key, no signature");
    }
}
