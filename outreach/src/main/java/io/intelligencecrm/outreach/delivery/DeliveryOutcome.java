package io.intelligencecrm.outreach.delivery;

/**
 * How one delivery attempt ended, as recorded on the delivery and on the logged interaction.
 *
 * @param status   sent, suppressed, failed or bounced (settled), or deferred (will be tried again)
 * @param detail   the reason or error, if any
 */
public record DeliveryOutcome(String key, String channel, String recipient, String messageId, String status,
                              String detail, String providerRef) {
}
