package io.intelligencecrm.core.task;

import java.time.Instant;
import java.util.UUID;

/**
 * Something a user has to do, optionally about a contact or deal, optionally due at a time (a
 * reminder). An all-day task is due on the day that starts at {@code dueAt} in its user's zone.
 */
public record Task(UUID id, UUID assigneeId, String assigneeName, String title, String notes, UUID contactId,
                   String contactName, UUID dealId, String dealName, Instant dueAt, boolean allDay, Instant doneAt,
                   String source, Instant createdAt) {

    /** Open and past its due time (for an all-day task: past the end of its day). */
    public boolean overdue(Instant now) {
        if (doneAt != null || dueAt == null) return false;
        return (allDay ? dueAt.plusSeconds(24 * 3600) : dueAt).isBefore(now);
    }
}
