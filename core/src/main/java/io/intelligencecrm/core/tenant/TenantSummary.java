package io.intelligencecrm.core.tenant;

import java.time.Instant;
import java.util.UUID;

/** A tenant as its operator sees it: no records, just who it is, its state and its size. */
public record TenantSummary(UUID id, String slug, String name, Instant createdAt, Instant suspendedAt, long users,
                            long contacts) {
    public boolean suspended() {
        return suspendedAt != null;
    }
}
