package io.intelligencecrm.tools.task;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.analytics.Period;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.task.Task;
import io.intelligencecrm.core.task.TaskQuery;
import io.intelligencecrm.core.task.TaskStatus;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.tools.CrmServices;
import io.intelligencecrm.tools.TableResult;
import io.intelligencecrm.tools.ToolArguments;
import io.intelligencecrm.tools.ToolCall;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reading tasks and reminders; every role may (a viewer's list is the team's, read only). */
public final class TaskReadTools {
    private final CrmServices services;

    public TaskReadTools(CrmServices services) {
        this.services = services;
    }

    @Tool("Lists tasks and reminders: the user's own by default, or the whole team's. Open tasks come first, "
            + "overdue and soonest due first. Returns a table with each task's id.")
    public TableResult listTasks(
            @P(value = "open (default), done or all", required = false) String status,
            @P(value = "only tasks due in a period: overdue, today, tomorrow, this week, next week, next 7 days, "
                    + "this month, an ISO date or range; leave out for any time", required = false) String due,
            @P(value = "true (default) for the user's own tasks; false for the whole team's (reps only see their own)",
                    required = false) Boolean mine,
            InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        Actor actor = call.actor();
        boolean ownOnly = !Boolean.FALSE.equals(mine) || actor.role() == Role.REP;
        TaskStatus wanted = ToolArguments.optionalChoice("status", status, TaskStatus.class);
        boolean overdue = ToolArguments.given(due) && due.trim().toLowerCase(Locale.ROOT).equals("overdue");
        Period period = !ToolArguments.given(due) || overdue ? null : ToolArguments.period(due, call);
        List<Task> tasks = services.tasks().list(actor, new TaskQuery(ownOnly ? actor.userId() : null,
                overdue ? TaskStatus.OPEN : wanted, period == null ? null : period.start(call.zone()),
                period == null ? null : period.end(call.zone()), overdue ? Boolean.TRUE : null,
                ToolArguments.MAX_ROWS + 1));
        Instant now = call.clock().instant();
        List<List<Object>> rows = tasks.stream().limit(ToolArguments.MAX_ROWS).map(task -> TaskView.of(task, call.zone(), now))
                .map(view -> Arrays.<Object>asList(view.id().toString(), view.title(), view.due(), view.state(),
                        view.contact(), view.deal(), view.assignee())).toList();
        String scope = ownOnly ? "My tasks" : "Team tasks";
        String note = rows.isEmpty() ? "No tasks found."
                : tasks.size() > rows.size() ? "Showing the first " + rows.size() + "; more exist. Narrow the period."
                : "All " + rows.size() + " tasks shown.";
        if (Boolean.FALSE.equals(mine) && actor.role() == Role.REP) note += " Reps see only their own tasks.";
        return new TableResult(scope + (period == null ? overdue ? ", overdue" : "" : ", due " + period.label()),
                List.of("id", "Task", "Due", "State", "Contact", "Deal", "Assignee"), rows, "table", rows.size(), note).of("task");
    }
}
