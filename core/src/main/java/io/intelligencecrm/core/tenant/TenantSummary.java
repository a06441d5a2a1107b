package io.intelligencecrm.core.tenant;

import java.time.Instant;
import java.util.UUID;

/** A tenant as its operator sees it: no records, just who it is, its state and its size. */
public record TenantSummary(UUID id, String slug, String name, Instant createdAt, Instant suspendedAt,
                            boolean suspended, long users, long contacts) {
}
