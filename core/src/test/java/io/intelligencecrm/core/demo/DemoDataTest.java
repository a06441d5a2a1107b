package io.intelligencecrm.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.tenant.Tenant;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantProvisioning;
import io.intelligencecrm.core.testing.TestPostgres;
import io.intelligencecrm.core.user.PasswordHasher;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    @Test
    void seeds_the_demo_tenant_once_with_the_promised_volumes() {
        try (Database database = TestPostgres.get().openFreshDatabase(2)) {
            DemoData demo = new DemoData(new TenantDirectory(database.jdbi()),
                    new TenantProvisioning(database.ownerJdbi()), database.tenants(), new PasswordHasher(),
                    Clock.systemUTC());
            Tenant first = demo.ensureSeeded();
            Tenant second = demo.ensureSeeded();
            assertEquals(first.id(), second.id());
            Map<String, Object> counts = database.tenants().inTenant(first.tenantId(), handle -> handle.createQuery("""
                    select (select count(*) from users) as users,
                           (select count(*) from companies) as companies,
                           (select count(*) from contacts) as contacts,
                           (select count(*) from interactions) as interactions,
                           (select count(*) from deals) as deals,
                           (select count(distinct role) from users) as roles""").mapToMap().one());
            assertEquals(Map.of("users", 3L, "companies", 40L, "contacts", 200L, "interactions", 600L,
                    "deals", 40L, "roles", 3L), counts);
        }
    }

    @Test
    void demo_passwords_verify_against_their_argon2id_hashes() {
        PasswordHasher hasher = new PasswordHasher();
        String hash = hasher.hash("demo-rep-pass");
        assertEquals(true, hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
        assertEquals(true, hasher.verify("demo-rep-pass", hash));
        assertEquals(false, hasher.verify("wrong", hash));
    }
}
