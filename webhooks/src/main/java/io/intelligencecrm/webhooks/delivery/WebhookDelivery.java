package io.intelligencecrm.webhooks.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One event for one subscription, as the delivery log lists it.
 *
 * @param id              the {@code webhook-id} header: the same on every retry and redelivery
 * @param status          pending, delivered, failed (given up after the retry window) or cancelled
 * @param responseStatus  the receiver's HTTP status on the last attempt; null when it gave none (timeout, refused)
 * @param responseMillis  how long the last attempt took
 */
public record WebhookDelivery(UUID id, UUID subscriptionId, String eventType, String recordType, UUID recordId,
                              String status, int attempts, Instant firstAttemptAt, Instant nextAttemptAt,
                              Instant lastAttemptAt,
                              Integer responseStatus, Integer responseMillis, String lastError, Instant createdAt,
                              Instant deliveredAt) {
}
