package io.intelligencecrm.core.identity;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.tenant.Tenant;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.core.user.PasswordHasher;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserDao;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Logins, refresh-token rotation, logout and API keys. Every failure looks the same to the
 * caller ("invalid credentials"), so nothing tells an attacker which part was wrong.
 */
public final class Authentication {
    public static final String REFRESH_KIND = "crt";
    public static final String API_KEY_KIND = "crm";
    private static final String DUMMY_HASH = new PasswordHasher().hash("timing-equaliser");

    private final TenantDirectory directory;
    private final TenantTransactions transactions;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration refreshLifetime;
    private final SessionRevocations revocations;

    public Authentication(TenantDirectory directory, TenantTransactions transactions, PasswordHasher hasher,
                          AuditTrail audit, Clock clock, Duration refreshLifetime, SessionRevocations revocations) {
        this.revocations = revocations;
        this.directory = directory;
        this.transactions = transactions;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.refreshLifetime = refreshLifetime;
    }

    /** The attempt to sign in as this tenant and email, normalised as the login and its limit both use it. */
    public LoginAttempt attempt(String tenantKey, String email) {
        String tenant = LoginAttempt.normalise(tenantKey);
        return new LoginAttempt(tenant.isEmpty() ? Optional.empty() : directory.findBySlugOrDomain(tenant), tenant,
                LoginAttempt.normalise(email));
    }

    public IssuedSession login(LoginAttempt attempt, String password, String userAgent) {
        Optional<Tenant> tenant = attempt.tenant();
        if (tenant.isEmpty() || attempt.email().isEmpty() || password == null) {
            hasher.verify(password == null ? "" : password, DUMMY_HASH);
            throw invalidCredentials();
        }
        TenantId tenantId = tenant.get().tenantId();
        return transactions.inTenant(tenantId, handle -> {
            UserDao users = handle.attach(UserDao.class);
            Optional<User> user = users.findByNormalisedEmail(attempt.email()).filter(User::active);
            String hash = user.flatMap(u -> users.passwordHash(u.id())).orElse(DUMMY_HASH);
            if (!hasher.verify(password, hash) || user.isEmpty()) throw invalidCredentials();
            handle.createUpdate("update users set last_login_at = now() where id = :id")
                    .bind("id", user.get().id()).execute();
            UUID sessionId = handle.attach(SessionDao.class).create(user.get().id(),
                    clock.instant().plus(refreshLifetime), truncate(userAgent));
            String refresh = addRefreshToken(handle.attach(SessionDao.class), tenantId, sessionId);
            audit.record(Actor.user(tenantId, user.get().id(), user.get().role()), "auth.login", "session",
                    sessionId, Map.of());
            return new IssuedSession(tenant.get(), user.get(), sessionId, refresh);
        });
    }

    /**
     * Exchanges a refresh token for a new one (rotation). Presenting a token that was already used
     * means it was copied: the whole session is revoked.
     */
    public IssuedSession refresh(String refreshToken) {
        CompoundToken token = CompoundToken.parse(REFRESH_KIND, refreshToken).orElseThrow(Authentication::invalidToken);
        Tenant tenant = directory.find(token.tenant()).orElseThrow(Authentication::invalidToken);
        Optional<IssuedSession> issued = transactions.inTenant(token.tenant(), handle -> {
            SessionDao sessions = handle.attach(SessionDao.class);
            Optional<SessionDao.RefreshTokenRow> row = sessions.lockRefreshToken(token.id());
            if (row.isEmpty() || !token.matches(row.get().secretHash())) return Optional.empty();
            if (row.get().usedAt() != null) {
                sessions.revoke(row.get().sessionId());
                revocations.sessionRevoked(row.get().sessionId());
                return Optional.empty();
            }
            if (row.get().expiresAt().isBefore(clock.instant())) return Optional.empty();
            Optional<ActiveSession> session = sessions.findActive(row.get().sessionId());
            if (session.isEmpty()) return Optional.empty();
            sessions.markRefreshTokenUsed(token.id());
            User user = handle.attach(UserDao.class).find(session.get().userId()).orElseThrow();
            String next = addRefreshToken(sessions, token.tenant(), session.get().sessionId());
            return Optional.of(new IssuedSession(tenant, user, session.get().sessionId(), next));
        });
        // Reuse detection revokes inside the transaction above, which must commit before failing.
        return issued.orElseThrow(Authentication::invalidToken);
    }

    public void logout(Actor actor, UUID sessionId) {
        transactions.useTenant(actor.tenant(), handle -> {
            handle.attach(SessionDao.class).revoke(sessionId);
            audit.record(actor, "auth.logout", "session", sessionId, Map.of());
        });
        revocations.sessionRevoked(sessionId);
    }

    public Optional<ActiveSession> activeSession(TenantId tenant, UUID sessionId) {
        return transactions.inTenant(tenant, handle -> handle.attach(SessionDao.class).findActive(sessionId));
    }

    /**
     * The actor an API key acts as, or empty when the key is unknown, wrong or revoked. A key acts with its
     * own role or its owner's current role, whichever is weaker: demoting a user demotes their keys.
     */
    public Optional<Actor> authenticateApiKey(String presented) {
        Optional<CompoundToken> token = CompoundToken.parse(API_KEY_KIND, presented);
        if (token.isEmpty()) return Optional.empty();
        return transactions.inTenant(token.get().tenant(), handle -> handle.attach(ApiKeyDao.class)
                .findActive(token.get().id())
                .filter(key -> token.get().matches(key.secretHash()))
                .map(key -> {
                    handle.attach(ApiKeyDao.class).touch(key.id());
                    return new Actor(token.get().tenant(), key.userId(), Role.weaker(key.role(), key.ownerRole()),
                            Actor.Kind.API_KEY, key.id());
                }));
    }

    private String addRefreshToken(SessionDao sessions, TenantId tenant, UUID sessionId) {
        CompoundToken token = CompoundToken.issue(REFRESH_KIND, tenant, UUID.randomUUID());
        sessions.addRefreshToken(token.id(), sessionId, token.secretHash(), clock.instant().plus(refreshLifetime));
        return token.encoded();
    }

    private static String truncate(String text) {
        return text == null ? null : text.substring(0, Math.min(text.length(), 300));
    }

    private static CrmException invalidCredentials() {
        return new CrmException(ErrorCode.UNAUTHENTICATED, "Invalid tenant, email or password");
    }

    private static CrmException invalidToken() {
        return new CrmException(ErrorCode.UNAUTHENTICATED, "The refresh token is invalid, expired or already used");
    }
}
