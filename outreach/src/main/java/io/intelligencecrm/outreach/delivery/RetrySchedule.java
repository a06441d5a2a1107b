package io.intelligencecrm.outreach.delivery;

import io.intelligencecrm.core.config.OutreachSettings;
import java.time.Duration;
import java.time.Instant;

/**
 * When a send that did not go through is tried again, the way mail servers do it: the delay doubles
 * from {@code firstDelay} up to {@code maxDelay}; once the recipient's server has refused it for
 * {@code period}, it fails for good. An unreachable server puts a send off on the same schedule without
 * using up the period: nobody refused it.
 */
public record RetrySchedule(Duration firstDelay, Duration maxDelay, Duration period) {

    public static RetrySchedule of(OutreachSettings.Retries retries) {
        return new RetrySchedule(retries.firstDelay(), retries.maxDelay(), retries.period());
    }

    /** The wait after a send was put off {@code deferrals} times before. */
    public Duration delay(int deferrals) {
        Duration delay = firstDelay;
        for (int i = 0; i < deferrals && delay.compareTo(maxDelay) < 0; i++) delay = delay.multipliedBy(2);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Whether a send first refused at {@code since} has used up its period by {@code now}. */
    public boolean expired(Instant since, Instant now) {
        return !now.isBefore(since.plus(period));
    }

    /** The period in words for messages ("3 days", "4 hours", "2 seconds"). */
    public String periodText() {
        return Durations.words(period);
    }
}
