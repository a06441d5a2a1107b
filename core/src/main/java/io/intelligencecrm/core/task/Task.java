package io.intelligencecrm.core.task;

import java.time.Instant;
import java.util.UUID;

/** Something a user has to do, optionally about a contact or deal, optionally due at a time (a reminder). */
public record Task(UUID id, UUID assigneeId, String title, String notes, UUID contactId, UUID dealId, Instant dueAt,
                   Instant doneAt, String source, Instant createdAt) {
}
