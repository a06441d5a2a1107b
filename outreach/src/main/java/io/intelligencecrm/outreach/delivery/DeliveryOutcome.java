package io.intelligencecrm.outreach.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * How one delivery attempt ended, as recorded on the delivery and on the logged interaction.
 *
 * @param status         sent, suppressed, failed or bounced (settled), or deferred (will be tried again)
 * @param detail         the reason or the server's reply, if any
 * @param retryAt        for deferred: when it is tried next
 * @param firstRefusedAt for deferred: since when the recipient's server refuses it; null when the server
 *                       could not be reached (which does not use up the retry period)
 * @param notice         for a final failure: what the sender is told in the app; null tells no one
 */
public record DeliveryOutcome(String key, String channel, String recipient, String messageId, String status,
                              String detail, String providerRef, Instant retryAt, Instant firstRefusedAt,
                              Notice notice) {

    public DeliveryOutcome(String key, String channel, String recipient, String messageId, String status,
                           String detail, String providerRef) {
        this(key, channel, recipient, messageId, status, detail, providerRef, null, null, null);
    }

    /** An in-app notice for the user who sent it. */
    public record Notice(UUID userId, String title, String body, String link) {
    }

    public DeliveryOutcome withNotice(Notice newNotice) {
        return new DeliveryOutcome(key, channel, recipient, messageId, status, detail, providerRef, retryAt,
                firstRefusedAt, newNotice);
    }
}
