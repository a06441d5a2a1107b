package io.intelligencecrm.web.auth;

import io.intelligencecrm.core.config.AuthSettings;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.LoginAttempt;
import io.intelligencecrm.core.ratelimit.TokenBuckets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets per caller (user or API key), per tenant, and per login account and address. Each
 * tenant has its own bucket, so one tenant's burst never throttles another. Buckets live in
 * PostgreSQL, so the limits hold for the whole cluster however many nodes serve it.
 */
public final class RateLimits {
    private static final Duration IDLE = Duration.ofMinutes(10);
    private final TokenBuckets buckets;
    private final AuthSettings settings;
    private final AtomicLong nextCleanup = new AtomicLong();

    public RateLimits(TokenBuckets buckets, AuthSettings settings) {
        this.buckets = buckets;
        this.settings = settings;
    }

    /** Throws a rate-limited error (with the seconds to wait) when the caller or its tenant is over budget. */
    public void checkRequest(Actor actor) {
        String caller = actor.kind() == Actor.Kind.API_KEY ? "key:" + actor.apiKeyId() : "user:" + actor.userId();
        consume("tenant:" + actor.tenant().value(), settings.tenantRequestsPerMinute());
        consume(caller, settings.userRequestsPerMinute());
    }

    /** @param attempt normalised as the login uses it, so every spelling of one account shares its limit */
    public void checkLogin(LoginAttempt attempt, String clientAddress) {
        consume("login:" + attempt.limitKey(), settings.loginAttemptsPerMinute());
        consume("login-ip:" + clientAddress, settings.loginAttemptsPerMinute() * 10);
    }

    private void consume(String key, int perMinute) {
        forgetIdleBuckets();
        TokenBuckets.Take take = buckets.take(key, perMinute);
        if (!take.consumed()) {
            long seconds = take.secondsToWait();
            throw new CrmException(ErrorCode.RATE_LIMITED, "Too many requests; retry in " + seconds + " s",
                    Map.of(), Map.of("retryAfterSeconds", seconds));
        }
    }

    /** At most every few minutes per node; harmless when several nodes do it (a delete of full buckets). */
    private void forgetIdleBuckets() {
        long now = System.nanoTime();
        long due = nextCleanup.get();
        if (now - due >= 0 && nextCleanup.compareAndSet(due, now + Duration.ofMinutes(5).toNanos())) {
            buckets.forgetIdle(IDLE);
        }
    }
}
