package io.intelligencecrm.tools.task;

import io.intelligencecrm.core.task.Task;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * A task as the tools show it: its due day or local due time in the user's zone, and its state.
 *
 * @param due   2026-05-01 for an all-day task, 2026-05-01 15:00 for one due at a time; null without a due date
 * @param state open, overdue or done
 */
public record TaskView(UUID id, String title, String due, String state, UUID contactId, String contact, UUID dealId,
                       String deal, String assignee, String notes) {
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public static TaskView of(Task task, ZoneId zone, Instant now) {
        return new TaskView(task.id(), task.title(), due(task, zone),
                task.doneAt() != null ? "done" : task.overdue(now) ? "overdue" : "open", task.contactId(),
                task.contactName(), task.dealId(), task.dealName(), task.assigneeName(),
                task.notes() == null || task.notes().isEmpty() ? null : task.notes());
    }

    static String due(Task task, ZoneId zone) {
        if (task.dueAt() == null) return null;
        return task.allDay() ? LocalDate.ofInstant(task.dueAt(), zone).toString()
                : LocalDateTime.ofInstant(task.dueAt(), zone).format(LOCAL_TIME);
    }
}
