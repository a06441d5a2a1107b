package io.intelligencecrm.core.config;

import java.time.Duration;

/**
 * Outbound webhooks. Read in {@link Settings}; each variable is in docs/operating/configuration.md.
 *
 * @param allowPrivateNetworks true lets subscriptions reach loopback, private, link-local and other internal
 *                             addresses (a receiver on the company network); false refuses them (SSRF)
 * @param timeout              how long one delivery attempt may take, connect to last byte
 * @param firstRetry           the wait after the first failed attempt; it doubles with each further failure
 * @param maxRetryDelay        the longest wait between two attempts
 * @param retryFor             how long a delivery is retried before it fails and its subscription is flagged
 */
public record WebhookSettings(boolean allowPrivateNetworks, Duration timeout, Duration firstRetry,
                              Duration maxRetryDelay, Duration retryFor) {

    static WebhookSettings from(Env env) {
        return new WebhookSettings(
                env.flag("CRM_WEBHOOK_ALLOW_PRIVATE_NETWORKS", false),
                Duration.ofSeconds(env.integer("CRM_WEBHOOK_TIMEOUT_SECONDS", 10, 1, 120)),
                Duration.ofSeconds(env.integer("CRM_WEBHOOK_FIRST_RETRY_SECONDS", 10, 1, 3600)),
                Duration.ofHours(2),
                Duration.ofHours(env.integer("CRM_WEBHOOK_RETRY_HOURS", 24, 1, 24 * 7)));
    }
}
