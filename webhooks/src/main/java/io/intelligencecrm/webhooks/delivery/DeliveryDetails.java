package io.intelligencecrm.webhooks.delivery;

import java.util.List;
import java.util.Map;

/** A delivery with the exact body it sends (redacted once the person it names was erased) and every attempt. */
public record DeliveryDetails(WebhookDelivery delivery, Map<String, Object> payload, List<DeliveryAttempt> attempts) {
}
