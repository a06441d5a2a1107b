package io.intelligencecrm.web.task;

import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.task.TaskQuery;
import io.intelligencecrm.core.task.TaskService;
import io.intelligencecrm.core.task.TaskStatus;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.QueryParams;
import io.intelligencecrm.web.http.Requests;
import io.javalin.http.Context;
import java.util.UUID;

/** Tasks and reminders: the caller's own, or the team's for managers, admins (and viewers, read only). */
public final class TaskController {
    private final TaskService tasks;

    public TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    public void routes(ApiRoutes api) {
        api.get("/api/tasks", this::list).doc("tasks", "Tasks, open ones first, soonest due (overdue) first")
                .description("Your own open tasks unless the parameters say otherwise. Reps see only their own.")
                .query("status", "string", "open (default), done or all")
                .query("mine", "boolean", "false lists the whole team's tasks (managers, admins, viewers); default true")
                .query("assigneeId", "uuid", "only this user's tasks")
                .query("dueFrom", "string", "due at or after (date or timestamp)")
                .query("dueBefore", "string", "due before (date or timestamp)")
                .query("overdue", "boolean", "true: only open tasks past their due time")
                .query("limit", "integer", "at most this many, 1-500 (default 200)").returns("Task[]");
        api.post("/api/tasks", this::create).doc("tasks", "Create a task or reminder")
                .description("dueAt is a date (an all-day task), a local date-time in your time zone, or a "
                        + "date-time with an offset. Reps create tasks for themselves only.")
                .body("TaskInput").returns(201, "Task");
        api.get("/api/tasks/{id}", this::get).doc("tasks", "A task").returns("Task");
        api.patch("/api/tasks/{id}", this::update).doc("tasks", "Change some fields, or mark it done or open again")
                .body("TaskChanges").returns("Task");
        api.post("/api/tasks/{id}/done", this::done).doc("tasks", "Mark a task done").returns("Task");
        api.delete("/api/tasks/{id}", this::delete).doc("tasks", "Delete a task").returns(204, null);
    }

    void list(Context ctx) {
        Actor actor = CurrentActor.of(ctx);
        QueryParams params = new QueryParams(ctx);
        UUID assignee = params.uuid("assigneeId");
        Boolean mine = params.bool("mine");
        TaskQuery query = new TaskQuery(assignee != null ? assignee : Boolean.FALSE.equals(mine) ? null : actor.userId(),
                params.choice("status", TaskStatus.class), params.instant("dueFrom"), params.instant("dueBefore"),
                params.bool("overdue"), params.integer("limit"));
        params.validate();
        ctx.json(tasks.list(actor, query));
    }

    void create(Context ctx) {
        ctx.status(201).json(tasks.create(CurrentActor.of(ctx), Requests.jsonObject(ctx)));
    }

    void get(Context ctx) {
        ctx.json(tasks.get(CurrentActor.of(ctx), Requests.id(ctx, "id", "Task")));
    }

    void update(Context ctx) {
        ctx.json(tasks.update(CurrentActor.of(ctx), Requests.id(ctx, "id", "Task"), Requests.jsonObject(ctx)));
    }

    void done(Context ctx) {
        ctx.json(tasks.complete(CurrentActor.of(ctx), Requests.id(ctx, "id", "Task")));
    }

    void delete(Context ctx) {
        tasks.delete(CurrentActor.of(ctx), Requests.id(ctx, "id", "Task"));
        ctx.status(204);
    }
}
