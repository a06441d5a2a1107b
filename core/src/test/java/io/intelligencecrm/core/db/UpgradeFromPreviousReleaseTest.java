package io.intelligencecrm.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.outbox.OutboxBacklog;
import io.intelligencecrm.core.secret.LegacySeal;
import io.intelligencecrm.core.secret.SecretBox;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantProvisioning;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.user.PasswordHasher;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * An upgrade as an operator makes it: a database at the previous release's schema, holding that
 * release's kind of data, migrated to this version. Every row is still there and reads through
 * today's code. When cutting a release, move PREVIOUS_RELEASE to it (see CHANGELOG.md).
 */
class UpgradeFromPreviousReleaseTest {
    /** Release 0.1.0 ended with this migration. */
    private static final String PREVIOUS_RELEASE_SCHEMA = "20";

    @Test
    void a_database_of_the_previous_release_upgrades_with_its_data_intact() throws Exception {
        DatabaseCoordinates coordinates = TestPostgres.get().emptyDatabase();
        Migrations.applyUpTo(coordinates, PREVIOUS_RELEASE_SCHEMA);
        byte[] secretsKey = new byte[32];
        Arrays.fill(secretsKey, (byte) 9);

        TenantId tenant;
        UUID contact = UUID.randomUUID();
        try (Database old = new Database(coordinates, 2)) {
            tenant = new TenantProvisioning(old.ownerJdbi()).create("upgraded", "Upgraded Ltd", "upgraded.example").tenantId();
            // Plain SQL, as 0.1.0 wrote it: today's repositories may use functions later migrations add.
            UUID user = old.tenants().inTenant(tenant, handle -> handle.createQuery("""
                            insert into users (tenant_id, email, full_name, role, timezone, password_hash)
                            values (crm_current_tenant(), 'ann@upgraded.example', 'Ann', 'admin', 'UTC', :hash)
                            returning id""").bind("hash", new PasswordHasher().hash("a-password-of-0.1.0"))
                    .mapTo(UUID.class).one());
            String sealed = LegacySeal.seal(secretsKey, "smtp-password-from-0.1.0");
            old.tenants().useTenant(tenant, handle -> seed(handle, contact, user, sealed));
        }

        assertTrue(Migrations.apply(coordinates) >= 2, "this version's migrations ran");
        assertTrue(Migrations.upToDate(coordinates));

        try (Database upgraded = new Database(coordinates, 2)) {
            Map<String, Object> row = upgraded.tenants().inTenant(tenant, handle -> handle.createQuery("""
                            select c.first_name, c.email, co.name as company, d.name as deal, i.content,
                                   t.title, t.all_day, m.smtp_password_sealed
                              from contacts c join companies co on co.id = c.company_id
                              join deals d on d.contact_id = c.id join interactions i on i.contact_id = c.id
                              join tasks t on t.contact_id = c.id cross join mail_settings m
                             where c.id = :id""").bind("id", contact).mapToMap().one());
            assertEquals("Olga", row.get("first_name"));
            assertEquals("olga@upgraded.example", row.get("email"));
            assertEquals("Oldco", row.get("company"));
            assertEquals("Renewal 2025", row.get("deal"));
            assertEquals("Called about the renewal", row.get("content"));
            assertEquals("Send the quote", row.get("title"));
            assertFalse((Boolean) row.get("all_day"), "a task of 0.1.0 keeps its time of day");
            assertEquals("smtp-password-from-0.1.0", new SecretBox(secretsKey).open((String) row.get("smtp_password_sealed")),
                    "a credential sealed by 0.1.0 still opens");
            assertEquals(1, new OutboxBacklog(upgraded.jdbi(), Clock.systemUTC()).of("embed").due(),
                    "a side effect queued by 0.1.0 is still due, and monitoring sees it");
            assertEquals(List.of(
                            Arrays.asList("bounces", "imap.upgraded.example", null, "tls", "bounces", true, "INBOX"),
                            Arrays.asList("email_bot", "imap.upgraded.example", 143, "none", "bot", false, "Bot")),
                    upgraded.tenants().inTenant(tenant, handle -> handle.createQuery("""
                                    select purpose, host, port, security, username, password_sealed is not null, folder
                                      from mailboxes order by purpose""")
                            .map((rs, ctx) -> Arrays.<Object>asList(rs.getString(1), rs.getString(2), rs.getObject(3),
                                    rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getString(7))).list()),
                    "both mailboxes moved to the one store");
            long oldCopies = upgraded.tenants().inTenant(tenant, handle -> handle.createQuery("""
                    select (select count(*) from mail_settings where imap_password_sealed is not null or imap_host is not null)
                         + (select count(*) from email_bot_settings where imap_host is not null)""")
                    .mapTo(Long.class).one());
            assertEquals(0, oldCopies, "no second copy of a mailbox, or of its password, is kept");
        }
    }

    private static void seed(Handle handle, UUID contact, UUID user, String sealed) {
        UUID company = UUID.randomUUID();
        handle.createUpdate("insert into companies (tenant_id, id, name) values (crm_current_tenant(), :id, 'Oldco')")
                .bind("id", company).execute();
        handle.createUpdate("""
                        insert into contacts (tenant_id, id, first_name, last_name, email, company_id, owner_id)
                        values (crm_current_tenant(), :id, 'Olga', 'Older', 'olga@upgraded.example', :company, :user)""")
                .bind("id", contact).bind("company", company).bind("user", user).execute();
        handle.createUpdate("""
                        insert into deals (tenant_id, name, contact_id, company_id, owner_id)
                        values (crm_current_tenant(), 'Renewal 2025', :contact, :company, :user)""")
                .bind("contact", contact).bind("company", company).bind("user", user).execute();
        handle.createUpdate("""
                        insert into interactions (tenant_id, contact_id, type, content, author_id)
                        values (crm_current_tenant(), :contact, 'call', 'Called about the renewal', :user)""")
                .bind("contact", contact).bind("user", user).execute();
        handle.createUpdate("""
                        insert into tasks (tenant_id, assignee_id, title, contact_id, due_at)
                        values (crm_current_tenant(), :user, 'Send the quote', :contact, now() + interval '1 day')""")
                .bind("user", user).bind("contact", contact).execute();
        handle.createUpdate("""
                        insert into outbox (tenant_id, kind, payload, idempotency_key)
                        values (crm_current_tenant(), 'embed', '{}', 'embed:contact:' || :contact)""")
                .bind("contact", contact.toString()).execute();
        handle.createUpdate("""
                        insert into mail_settings (tenant_id, smtp_password_sealed, imap_host, imap_username,
                                                   imap_password_sealed)
                        values (crm_current_tenant(), :sealed, 'imap.upgraded.example', 'bounces', :sealed)""")
                .bind("sealed", sealed).execute();
        handle.createUpdate("""
                        insert into email_bot_settings (tenant_id, address, imap_host, imap_port, imap_security,
                                                        imap_username, imap_folder)
                        values (crm_current_tenant(), 'crm@upgraded.example', 'imap.upgraded.example', 143, 'none',
                                'bot', 'Bot')""").execute();
    }
}
