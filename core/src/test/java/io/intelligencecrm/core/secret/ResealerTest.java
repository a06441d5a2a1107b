package io.intelligencecrm.core.secret;

import static io.intelligencecrm.core.secret.SecretBoxTest.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.testing.TestTenants;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ResealerTest {
    @Test
    void every_sealed_column_is_known_to_reseal() {
        try (Database database = TestPostgres.get().openFreshDatabase(1)) {
            List<String> columns = database.ownerJdbi().withHandle(handle -> handle.createQuery("""
                            select table_name || '.' || column_name from information_schema.columns
                             where table_schema = 'public' and column_name like '%\\_sealed'""")
                    .mapTo(String.class).list());
            Set<String> catalog = new TreeSet<>(columns);
            Set<String> known = SealedColumns.BY_TABLE.entrySet().stream()
                    .flatMap(table -> table.getValue().stream().map(column -> table.getKey() + "." + column))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(catalog, known);
        }
    }

    @Test
    void reseal_rewrites_old_format_and_retired_key_values_with_the_active_key() throws Exception {
        try (Database database = TestPostgres.get().openFreshDatabase(1)) {
            TenantId tenant = TestTenants.create(database, "reseal").tenantId();
            String legacy = LegacySeal.seal(key((byte) 1), "smtp-password");
            String retired = new SecretBox(key((byte) 1)).seal("imap-password");
            database.tenants().useTenant(tenant, handle -> handle.createUpdate("""
                            insert into mail_settings (tenant_id, smtp_password_sealed, imap_password_sealed)
                            values (crm_current_tenant(), :smtp, :imap)""")
                    .bind("smtp", legacy).bind("imap", retired).execute());
            SecretBox rotated = new SecretBox(new KeyRing(key((byte) 2), List.of(key((byte) 1))));

            Resealer.Result result = new Resealer(database.tenants(), rotated).resealAll(List.of(tenant));
            assertEquals(2, result.resealed());
            assertTrue(result.unreadable().isEmpty());

            Map<String, Object> row = database.tenants().inTenant(tenant, handle -> handle.createQuery(
                    "select smtp_password_sealed, imap_password_sealed from mail_settings").mapToMap().one());
            SecretBox onlyNewKey = new SecretBox(key((byte) 2));
            assertEquals("smtp-password", onlyNewKey.open((String) row.get("smtp_password_sealed")));
            assertEquals("imap-password", onlyNewKey.open((String) row.get("imap_password_sealed")));
            assertFalse(onlyNewKey.needsReseal((String) row.get("imap_password_sealed")));
            assertEquals(2, new Resealer(database.tenants(), rotated).resealAll(List.of(tenant)).current(),
                    "a second run has nothing left to do");
        }
    }

    @Test
    void reseal_rewrites_every_row_of_a_table_holding_several_per_tenant() throws Exception {
        try (Database database = TestPostgres.get().openFreshDatabase(1)) {
            TenantId tenant = TestTenants.create(database, "reseal-rows").tenantId();
            SecretBox retired = new SecretBox(key((byte) 1));
            database.tenants().useTenant(tenant, handle -> handle.createUpdate("""
                            insert into mailboxes (tenant_id, purpose, host, password_sealed)
                            values (crm_current_tenant(), 'bounces', 'imap.one.example', :bounces),
                                   (crm_current_tenant(), 'email_bot', 'imap.two.example', :bot)""")
                    .bind("bounces", retired.seal("bounce-password")).bind("bot", retired.seal("bot-password")).execute());
            SecretBox rotated = new SecretBox(new KeyRing(key((byte) 2), List.of(key((byte) 1))));

            assertEquals(2, new Resealer(database.tenants(), rotated).resealAll(List.of(tenant)).resealed());

            Map<String, String> passwords = database.tenants().inTenant(tenant, handle -> handle.createQuery(
                            "select purpose, password_sealed from mailboxes").map((rs, ctx) -> Map.entry(
                            rs.getString(1), new SecretBox(key((byte) 2)).open(rs.getString(2)))).list())
                    .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertEquals(Map.of("bounces", "bounce-password", "email_bot", "bot-password"), passwords);
        }
    }
}
