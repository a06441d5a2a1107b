package io.intelligencecrm.tools.task;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.task.DueDate;
import io.intelligencecrm.core.task.Task;
import io.intelligencecrm.tools.CrmServices;
import io.intelligencecrm.tools.ToolArguments;
import io.intelligencecrm.tools.ToolCall;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Creating and completing tasks and reminders; only for roles that write. */
public final class TaskWriteTools {
    private final CrmServices services;

    public TaskWriteTools(CrmServices services) {
        this.services = services;
    }

    public record TaskSaved(String result, TaskView task) {
    }

    @Tool("Creates a task or reminder for the user, optionally about a contact or a deal, due on a day or at a "
            + "time in the user's time zone. Use it for 'remind me to…', 'create a task to…', 'follow up with … on …',"
            + " 'schedule a call with … Thursday 3pm'.")
    public TaskSaved createTask(
            @P("what to do, e.g. 'Call Amelia Chen about the renewal'") String title,
            @P(value = "when it is due: an ISO date (2026-05-01) for a day, an ISO local date-time (2026-05-01T15:00)"
                    + " for a time, or today, tomorrow, next week; leave out when no due date was given",
                    required = false) String due,
            @P(value = "id of the contact it is about", required = false) String contactId,
            @P(value = "id of the deal it is about", required = false) String dealId,
            @P(value = "more details to keep with the task", required = false) String notes,
            InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        if (!ToolArguments.given(title)) throw CrmException.invalid("title", "is required: what is there to do?");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", title.trim());
        if (ToolArguments.given(due)) fields.put("dueAt", dueText(due, call));
        if (ToolArguments.given(contactId)) fields.put("contactId", ToolArguments.id("contactId", contactId).toString());
        if (ToolArguments.given(dealId)) fields.put("dealId", ToolArguments.id("dealId", dealId).toString());
        if (ToolArguments.given(notes)) fields.put("notes", notes.trim());
        Task task = services.tasks().create(call.actor(), fields);
        return new TaskSaved("created", TaskView.of(task, call.zone(), call.clock().instant()));
    }

    @Tool("Marks one of the user's tasks or reminders done.")
    public TaskSaved completeTask(
            @P("the task's id, as listTasks or createTask returned it") String taskId,
            InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        Task task = services.tasks().complete(call.actor(), ToolArguments.id("taskId", taskId));
        return new TaskSaved("done", TaskView.of(task, call.zone(), call.clock().instant()));
    }

    /** ISO forms pass through (read in the user's zone); words become the day they name. */
    private static String dueText(String due, ToolCall call) {
        String text = due.trim();
        try {
            DueDate parsed = DueDate.parse(text, call.zone());
            return parsed.allDay() ? LocalDate.ofInstant(parsed.at(), call.zone()).toString() : parsed.at().toString();
        } catch (DateTimeException notIso) {
            try {
                return ToolArguments.date("due", text, call).toString();
            } catch (CrmException notWords) {
                throw CrmException.invalid("due", "'" + due + "' is not a due date; use " + DueDate.FORMS
                        + ", or today, tomorrow, next week");
            }
        }
    }
}
