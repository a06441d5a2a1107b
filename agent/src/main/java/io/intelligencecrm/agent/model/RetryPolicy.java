package io.intelligencecrm.agent.model;

import java.time.Duration;
import java.util.Optional;

/**
 * How often and how patiently a failed model call is retried: exponential backoff from {@code baseDelay},
 * capped at {@code maxDelay}; a provider's {@code Retry-After} wins when present, capped at {@code maxRetryAfter}
 * so one answer cannot stall a conversation for minutes.
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter,
                          Sleeper sleeper) {

    /** Waiting, made replaceable so tests need not. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public RetryPolicy {
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must not be negative");
    }

    public static RetryPolicy standard(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ofMillis(250), Duration.ofSeconds(4), Duration.ofSeconds(10),
                duration -> Thread.sleep(duration.toMillis()));
    }

    public RetryPolicy withSleeper(Sleeper replacement) {
        return new RetryPolicy(maxRetries, baseDelay, maxDelay, maxRetryAfter, replacement);
    }

    /** The pause before retry number {@code retry} (1 for the first retry). */
    public Duration delayBefore(int retry, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) return min(retryAfter.get(), maxRetryAfter);
        Duration delay = baseDelay.multipliedBy(1L << Math.min(retry - 1, 20));
        return min(delay, maxDelay);
    }

    private static Duration min(Duration first, Duration second) {
        return first.compareTo(second) <= 0 ? first : second;
    }
}
