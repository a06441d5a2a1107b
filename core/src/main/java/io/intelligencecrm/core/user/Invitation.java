package io.intelligencecrm.core.user;

import java.time.Instant;

/** A pending invitation: the link is shown to the admin when it could not be mailed. */
public record Invitation(User user, String link, Instant expiresAt, boolean mailed) {
}
