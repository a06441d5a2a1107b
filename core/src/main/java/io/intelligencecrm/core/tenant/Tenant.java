package io.intelligencecrm.core.tenant;

import java.time.Instant;
import java.util.UUID;

public record Tenant(UUID id, String slug, String name, String domain, Instant createdAt) {
    public TenantId tenantId() {
        return new TenantId(id);
    }
}
