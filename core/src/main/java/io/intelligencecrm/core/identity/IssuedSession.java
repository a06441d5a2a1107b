package io.intelligencecrm.core.identity;

import io.intelligencecrm.core.tenant.Tenant;
import io.intelligencecrm.core.user.User;
import java.util.UUID;

/** The outcome of a login or refresh: who, which session, and the new one-time refresh token. */
public record IssuedSession(Tenant tenant, User user, UUID sessionId, String refreshToken) {
}
