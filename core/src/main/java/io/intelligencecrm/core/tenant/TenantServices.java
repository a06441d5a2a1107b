package io.intelligencecrm.core.tenant;

import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.tenant.transfer.TenantExport;
import io.intelligencecrm.core.tenant.transfer.TenantImport;
import java.time.Clock;

/** Tenants as a whole: the operator's provisioning and deletion, the tenant's settings, export and import. */
public record TenantServices(TenantAdministration administration, TenantSettingsService settings, TenantExport export,
                             TenantImport imports) {

    public static TenantServices create(Database database, CoreServices core, Clock clock) {
        return new TenantServices(
                new TenantAdministration(database.ownerJdbi(), core.directory(), database.tenants(), core.users()),
                core.tenantSettings(),
                new TenantExport(database.tenants(), database.ownerJdbi(), clock),
                new TenantImport(database.tenants(), database.ownerJdbi(), core.outbox()));
    }
}
