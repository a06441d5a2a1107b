package io.intelligencecrm.webhooks.delivery;

import java.time.Instant;

/** One try at sending a delivery: what the receiver answered and how long it took. */
public record DeliveryAttempt(int number, Instant attemptedAt, Integer responseStatus, int responseMillis,
                              String error) {
}
