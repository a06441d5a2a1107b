package io.intelligencecrm.web.auth;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.intelligencecrm.core.config.AuthSettings;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.LoginAttempt;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Token buckets per caller (user or API key), per tenant, and per login identity. Each tenant
 * has its own bucket, so one tenant's burst never throttles another. Buckets live in this node's
 * memory: with several nodes the limit applies per node.
 */
public final class RateLimits {
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AuthSettings settings;

    public RateLimits(AuthSettings settings) {
        this.settings = settings;
    }

    /** Throws a rate-limited error (with the seconds to wait) when the caller or its tenant is over budget. */
    public void checkRequest(Actor actor) {
        String caller = actor.kind() == Actor.Kind.API_KEY ? "key:" + actor.apiKeyId() : "user:" + actor.userId();
        consume("tenant:" + actor.tenant(), key -> bucket(settings.tenantRequestsPerMinute()));
        consume(caller, key -> bucket(settings.userRequestsPerMinute()));
    }

    /** @param attempt normalised as the login uses it, so every spelling of one account shares its limit */
    public void checkLogin(LoginAttempt attempt, String clientAddress) {
        consume("login:" + attempt.limitKey(), key -> bucket(settings.loginAttemptsPerMinute()));
        consume("login-ip:" + clientAddress, key -> bucket(settings.loginAttemptsPerMinute() * 10));
    }

    private void consume(String key, Function<String, Bucket> factory) {
        if (buckets.size() > 200_000) buckets.clear();
        ConsumptionProbe probe = buckets.computeIfAbsent(key, factory).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new CrmException(ErrorCode.RATE_LIMITED, "Too many requests; retry in " + seconds + " s",
                    Map.of(), Map.of("retryAfterSeconds", seconds));
        }
    }

    private static Bucket bucket(int perMinute) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }
}
