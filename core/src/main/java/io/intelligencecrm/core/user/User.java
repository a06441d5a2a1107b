package io.intelligencecrm.core.user;

import java.time.Instant;
import java.util.UUID;

public record User(UUID id, String email, String fullName, Role role, String timezone, boolean active,
                   Instant createdAt) {
}
