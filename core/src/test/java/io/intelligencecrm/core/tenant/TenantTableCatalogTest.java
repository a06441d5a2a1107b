package io.intelligencecrm.core.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fails the build when any table with a tenant_id column is not under forced row-level security. */
class TenantTableCatalogTest {

    @Test
    void every_table_with_a_tenant_id_has_forced_row_level_security_and_a_policy() {
        try (Database database = TestPostgres.get().openFreshDatabase(1)) {
            List<String> tenantTables = database.ownerJdbi().withHandle(handle -> handle.createQuery("""
                    select c.relname
                      from pg_class c
                      join pg_namespace n on n.oid = c.relnamespace
                      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                     where n.nspname = 'public' and c.relkind in ('r', 'p')
                     order by 1""").mapTo(String.class).list());
            List<String> unprotected = database.ownerJdbi().withHandle(handle -> handle.createQuery("""
                    select c.relname
                      from pg_class c
                      join pg_namespace n on n.oid = c.relnamespace
                      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                     where n.nspname = 'public' and c.relkind in ('r', 'p')
                       and (not c.relrowsecurity or not c.relforcerowsecurity
                            or not exists (select 1 from pg_policy p where p.polrelid = c.oid))
                     order by 1""").mapTo(String.class).list());
            assertFalse(tenantTables.isEmpty());
            assertEquals(List.of(), unprotected, "tables with tenant_id but without forced RLS and a policy");
        }
    }
}
