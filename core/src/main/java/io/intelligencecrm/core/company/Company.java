package io.intelligencecrm.core.company;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record Company(UUID id, String name, String domain, String industry, String sizeBand, String country,
                      String website, UUID ownerId, Map<String, Object> custom, Instant createdAt,
                      Instant updatedAt, Instant deletedAt) {
}
