package io.intelligencecrm.bots.slack;

import java.time.Instant;
import java.util.UUID;

/**
 * A Slack user acting as a CRM user; {@code method} is "email" (confirmed by Slack), "admin" or "confirmed" (by code).
 */
public record SlackUserLink(String slackUserId, UUID userId, String method, Instant createdAt) {
}
