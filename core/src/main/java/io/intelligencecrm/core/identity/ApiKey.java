package io.intelligencecrm.core.identity;

import io.intelligencecrm.core.user.Role;
import java.time.Instant;
import java.util.UUID;

/** An API key as listed: never its secret, which is shown once at creation. */
public record ApiKey(UUID id, String name, Role role, UUID userId, Instant createdAt, Instant lastUsedAt,
                     Instant revokedAt) {
}
