package io.intelligencecrm.webhooks.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after {@code first}, then twice as long each time up to
 * {@code longest}, until {@code retryFor} has passed since its first attempt (the last try falls exactly
 * there). Empty means give up.
 */
public record RetrySchedule(Duration first, Duration longest, Duration retryFor) {

    public Optional<Instant> next(Instant firstAttempt, Instant failedAt, int attempts) {
        Instant deadline = firstAttempt.plus(retryFor);
        if (!failedAt.isBefore(deadline)) return Optional.empty();
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        if (wait.compareTo(longest) > 0) wait = longest;
        Instant next = failedAt.plus(wait);
        return Optional.of(next.isAfter(deadline) ? deadline : next);
    }
}
