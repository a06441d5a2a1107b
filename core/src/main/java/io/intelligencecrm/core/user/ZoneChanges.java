package io.intelligencecrm.core.user;

import io.intelligencecrm.core.tenant.TenantId;
import java.util.UUID;

/** Told after a time zone changed, so what runs on local time (cron workflows) moves with it. */
public interface ZoneChanges {
    /** @param userId the user whose zone changed; null when the tenant's changed (its users without their own follow) */
    void zoneChanged(TenantId tenant, UUID userId);

    ZoneChanges NONE = (tenant, userId) -> { };
}
