package io.intelligencecrm.webhooks.subscription;

import io.intelligencecrm.webhooks.event.EventCatalogue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An admin's subscription of a URL to record events, as listed: never its secret.
 *
 * @param events        event names from the catalogue, or "*" for all
 * @param failingSince  when deliveries were given up after the retry window; the subscription was then disabled
 */
public record WebhookSubscription(UUID id, String url, String description, List<String> events,
                                  BigDecimal scoreThreshold, boolean active, Instant failingSince, UUID createdBy,
                                  Instant createdAt, Instant updatedAt) {

    public boolean wants(String event) {
        return events.contains(EventCatalogue.ALL) || events.contains(event);
    }
}
