package io.intelligencecrm.core.user;

import java.time.Instant;
import java.util.UUID;

/** An invitation nobody has used yet: who was invited, as what, and until when the link works. */
public record PendingInvitation(UUID id, UUID userId, String email, String fullName, Role role, Instant createdAt,
                                Instant expiresAt) {
}
