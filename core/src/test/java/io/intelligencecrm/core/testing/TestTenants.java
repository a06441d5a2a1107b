package io.intelligencecrm.core.testing;

import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.tenant.Tenant;
import io.intelligencecrm.core.tenant.TenantProvisioning;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates uniquely named tenants so tests sharing a database never see each other's data. */
public final class TestTenants {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestTenants() {
    }

    public static Tenant create(Database database, String label) {
        int n = COUNTER.incrementAndGet();
        String slug = (label + "-" + n + "-" + ProcessHandle.current().pid()).toLowerCase().replaceAll("[^a-z0-9-]", "-");
        return new TenantProvisioning(database.ownerJdbi()).create(slug, label + " " + n, slug + ".example");
    }
}
