package io.intelligencecrm.agent.model;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.standard(5);

    @Test
    void pausesDoubleFromTheBaseDelayUpToTheCap() {
        assertEquals(Duration.ofMillis(250), policy.delayBefore(1, Optional.empty()));
        assertEquals(Duration.ofMillis(500), policy.delayBefore(2, Optional.empty()));
        assertEquals(Duration.ofSeconds(1), policy.delayBefore(3, Optional.empty()));
        assertEquals(Duration.ofSeconds(4), policy.delayBefore(9, Optional.empty()));
    }

    @Test
    void aProvidersRetryAfterWinsUpToItsCap() {
        assertEquals(Duration.ofSeconds(2), policy.delayBefore(1, Optional.of(Duration.ofSeconds(2))));
        assertEquals(Duration.ofSeconds(10), policy.delayBefore(1, Optional.of(Duration.ofMinutes(5))));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse("7", clock));
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse("Sun, 01 Jun 2025 12:00:30 GMT", clock));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", clock));
    }
}
