package io.intelligencecrm.outreach.suppression;

import java.time.Instant;

/** An address nothing may be sent to, and why. */
public record Suppression(String address, String channel, String reason, String detail, Instant createdAt) {
}
