package io.intelligencecrm.core.task;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters of the task list; null means "any".
 *
 * @param assigneeId whose tasks; null lists the whole team's (managers, admins and viewers only)
 * @param overdue    true: only open tasks past their due time
 */
public record TaskQuery(UUID assigneeId, TaskStatus status, Instant dueFrom, Instant dueBefore, Boolean overdue,
                        Integer limit) {

    public static TaskQuery openFor(UUID assigneeId, int limit) {
        return new TaskQuery(assigneeId, TaskStatus.OPEN, null, null, null, limit);
    }
}
