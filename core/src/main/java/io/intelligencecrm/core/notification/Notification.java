package io.intelligencecrm.core.notification;

import java.time.Instant;
import java.util.UUID;

/** A notice for one user, shown in the app until read. */
public record Notification(UUID id, String title, String body, String link, String source, Instant readAt,
                           Instant createdAt) {
}
