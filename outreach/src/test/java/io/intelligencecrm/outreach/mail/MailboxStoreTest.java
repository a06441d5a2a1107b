package io.intelligencecrm.outreach.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.record.FieldReader;
import io.intelligencecrm.core.secret.KeyRing;
import io.intelligencecrm.core.secret.SecretBox;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.outreach.testing.OutreachFixture;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bounce mailbox and the email bot's are kept in one store, under one set of rules, each under its own use. */
class MailboxStoreTest {

    @Test
    void the_bounce_mailbox_of_the_mail_settings_is_kept_apart_from_the_bots_in_the_one_store() {
        try (OutreachFixture fixture = new OutreachFixture()) {
            TenantId tenant = fixture.tenant("boxes");
            Actor admin = fixture.user(tenant, "admin@boxes.example", Role.ADMIN);
            MailboxStore store = new MailboxStore(new SecretBox(KeyRing.of(fixture.secretKey)));
            fixture.database.tenants().useTenant(tenant, handle -> store.save(handle, MailboxStore.Use.EMAIL_BOT,
                    read(store, Map.of("imapHost", "imap.bot.example", "imapPort", 143, "imapSecurity", "none"))));

            MailSettings shown = fixture.outreach.mailSettings().update(admin, Map.of("imapHost", "imap.boxes.example",
                    "imapUsername", "bounces", "imapPassword", "s3cret", "imapFolder", "  "));

            assertEquals("imap.boxes.example", shown.imapHost());
            assertEquals("INBOX", shown.imapFolder(), "a blank folder is the inbox");
            assertTrue(shown.imapPasswordSet());
            assertEquals(new MailboxAccount("imap.boxes.example", 993, "tls", "bounces", "s3cret", "INBOX"),
                    fixture.outreach.mailSettings().bounceMailbox(tenant).orElseThrow());
            MailboxAccount bot = fixture.database.tenants().inTenant(tenant,
                    handle -> store.account(handle, MailboxStore.Use.EMAIL_BOT)).orElseThrow();
            assertEquals(new MailboxAccount("imap.bot.example", 143, "none", null, null, "INBOX"), bot);

            Map<String, Object> noPassword = new HashMap<>();
            noPassword.put("imapPassword", "");
            MailSettings cleared = fixture.outreach.mailSettings().update(admin, noPassword);
            assertFalse(cleared.imapPasswordSet(), "an empty password removes the stored one");
            assertEquals("bounces", cleared.imapUsername(), "fields left out keep their value");
            assertNull(fixture.outreach.mailSettings().bounceMailbox(tenant).orElseThrow().password());
        }
    }

    @Test
    void a_failing_read_shows_until_that_mailbox_changes_and_only_for_its_use() {
        try (OutreachFixture fixture = new OutreachFixture()) {
            TenantId tenant = fixture.tenant("health");
            Actor admin = fixture.user(tenant, "admin@health.example", Role.ADMIN);
            MailboxChecks checks = new MailboxChecks(fixture.database.tenants());
            fixture.outreach.mailSettings().update(admin, Map.of("imapHost", "imap.health.example"));
            fixture.outreach.mailSettings().recordBounceMailboxCheck(tenant, "connection refused");
            checks.record(tenant, MailboxStore.Use.EMAIL_BOT, "login refused");

            MailSettings failing = fixture.outreach.mailSettings().get(admin);
            assertEquals("connection refused", failing.imapError());
            assertTrue(failing.warnings().stream().anyMatch(warning -> warning.contains("connection refused")),
                    failing.warnings().toString());

            fixture.outreach.mailSettings().update(admin, Map.of("imapHost", "imap2.health.example"));
            MailSettings changed = fixture.outreach.mailSettings().get(admin);
            assertNull(changed.imapError(), "the old error says nothing about the new mailbox");
            assertNull(changed.imapCheckedAt());
            assertEquals("login refused", checks.last(tenant, MailboxStore.Use.EMAIL_BOT).orElseThrow().error(),
                    "the bot's mailbox keeps its own state");
        }
    }

    @Test
    void wrong_mailbox_fields_are_named_each_and_nothing_is_stored() {
        try (OutreachFixture fixture = new OutreachFixture()) {
            TenantId tenant = fixture.tenant("wrongbox");
            Actor admin = fixture.user(tenant, "admin@wrongbox.example", Role.ADMIN);

            CrmException error = assertThrows(CrmException.class, () -> fixture.outreach.mailSettings().update(admin,
                    Map.of("imapHost", "imap.wrongbox.example", "imapPort", 0, "imapSecurity", "ssl")));

            assertEquals(Set.of("imapPort", "imapSecurity"), error.fieldErrors().keySet());
            assertTrue(fixture.outreach.mailSettings().bounceMailbox(tenant).isEmpty());
            assertNull(fixture.outreach.mailSettings().get(admin).imapHost());
        }
    }

    private static Map<String, Object> read(MailboxStore store, Map<String, Object> body) {
        Violations violations = new Violations();
        Map<String, Object> values = store.read(body, new FieldReader(body, MailboxStore.FIELDS, violations), violations);
        violations.throwIfAny();
        return values;
    }
}
