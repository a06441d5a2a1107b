package io.intelligencecrm.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intelligencecrm.core.identity.ActiveSession;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Authentication;
import io.intelligencecrm.core.identity.IssuedSession;
import io.intelligencecrm.core.identity.SessionRevocations;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens: short-lived JWTs naming tenant, user, role and session. A valid signature is not
 * enough: the session must still be active (not logged out, user not deactivated), and every claim
 * must match it: the session is looked up in the tenant the token names (so another tenant's session
 * id finds nothing), and its user and current role must be the token's. That check is cached for a
 * few seconds per tenant and session so lists stay fast; a logout on this node evicts at once.
 */
public final class AccessTokens implements SessionRevocations {
    private static final Duration SESSION_CHECK_TTL = Duration.ofSeconds(5);

    private final JwtCodec codec;
    private Authentication authentication;
    private final Duration lifetime;
    private final Clock clock;
    private final ConcurrentHashMap<SessionKey, CachedSession> sessions = new ConcurrentHashMap<>();

    public AccessTokens(JwtCodec codec, Duration lifetime, Clock clock) {
        this.codec = codec;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Set once by the composition root: the authentication service also tells this cache about revocations. */
    public void checkSessionsWith(Authentication sessions) {
        this.authentication = sessions;
    }

    /** A verified token's identity and the session it belongs to. */
    public record Verified(Actor actor, UUID sessionId) {
    }

    private record SessionKey(TenantId tenant, UUID sessionId) {
    }

    private record CachedSession(Optional<ActiveSession> session, long checkedAtMillis) {
    }

    public String issue(IssuedSession issued) {
        return issue(issued, lifetime);
    }

    /** A token for the same session with another lifetime: the browser's cookie lasts a working day. */
    public String issue(IssuedSession issued, Duration tokenLifetime) {
        ObjectNode claims = Json.mapper().createObjectNode()
                .put("sub", issued.user().id().toString())
                .put("tid", issued.tenant().id().toString())
                .put("role", issued.user().role().stored())
                .put("sid", issued.sessionId().toString())
                .put("jti", UUID.randomUUID().toString());
        return codec.sign(claims, tokenLifetime);
    }

    public Duration lifetime() {
        return lifetime;
    }

    public Optional<Verified> verify(String token) {
        Optional<JsonNode> claims = codec.verify(token);
        if (claims.isEmpty()) return Optional.empty();
        try {
            TenantId tenant = TenantId.of(claims.get().path("tid").asText());
            UUID userId = UUID.fromString(claims.get().path("sub").asText());
            UUID sessionId = UUID.fromString(claims.get().path("sid").asText());
            String role = claims.get().path("role").asText();
            return activeSession(tenant, sessionId)
                    .filter(session -> session.userId().equals(userId) && session.role().stored().equals(role))
                    .map(session -> new Verified(Actor.user(tenant, userId, session.role()), sessionId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void sessionRevoked(UUID sessionId) {
        sessions.keySet().removeIf(key -> key.sessionId().equals(sessionId));
    }

    @Override
    public void userSessionsRevoked(UUID userId) {
        sessions.values().removeIf(cached -> cached.session().map(s -> s.userId().equals(userId)).orElse(false));
    }

    private Optional<ActiveSession> activeSession(TenantId tenant, UUID sessionId) {
        long now = clock.millis();
        SessionKey key = new SessionKey(tenant, sessionId);
        CachedSession cached = sessions.get(key);
        if (cached != null && now - cached.checkedAtMillis() < SESSION_CHECK_TTL.toMillis()) return cached.session();
        Optional<ActiveSession> session = authentication.activeSession(tenant, sessionId);
        if (sessions.size() > 100_000) sessions.clear();
        sessions.put(key, new CachedSession(session, now));
        return session;
    }
}
