package io.intelligencecrm.core.identity;

import io.intelligencecrm.core.user.Role;
import java.util.UUID;

/** A session that is neither revoked nor expired, of a user who is still active. */
public record ActiveSession(UUID sessionId, UUID userId, Role role) {
}
