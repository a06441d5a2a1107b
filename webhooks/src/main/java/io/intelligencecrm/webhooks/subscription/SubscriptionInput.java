package io.intelligencecrm.webhooks.subscription;

import java.math.BigDecimal;
import java.util.List;

/** What an admin sends to create a subscription (all fields) or change one (null keeps a field). */
public record SubscriptionInput(String url, String description, List<String> events, BigDecimal scoreThreshold,
                                Boolean active) {
}
