package io.intelligencecrm.web.workflow;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.notification.NotificationService;
import io.intelligencecrm.core.task.TaskService;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.QueryParams;
import io.intelligencecrm.web.http.Requests;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What workflows leave for their owner: notifications and tasks (reminders). */
public final class InboxController {
    private final NotificationService notifications;
    private final TaskService tasks;

    public InboxController(NotificationService notifications, TaskService tasks) {
        this.notifications = notifications;
        this.tasks = tasks;
    }

    public void routes(ApiRoutes api) {
        api.get("/api/notifications", this::notifications).doc("inbox", "Your notifications, newest first")
                .query("unread", "boolean", "only unread ones").returns("Notification[]");
        api.post("/api/notifications/read", this::markRead).doc("inbox", "Mark notifications read")
                .body("IdList").returns("CountResult");
        api.get("/api/tasks", this::tasks).doc("inbox", "Your open tasks, soonest due first").returns("Task[]");
        api.post("/api/tasks/{id}/done", this::done).doc("inbox", "Mark one of your tasks done").returns("Task");
    }

    void notifications(Context ctx) {
        QueryParams params = new QueryParams(ctx);
        Boolean unread = params.bool("unread");
        params.validate();
        ctx.json(notifications.recent(CurrentActor.of(ctx), Boolean.TRUE.equals(unread), 100));
    }

    void markRead(Context ctx) {
        Object raw = Requests.jsonObject(ctx).get("ids");
        if (!(raw instanceof List<?> list) || list.isEmpty() || list.size() > 500) {
            throw CrmException.invalid("ids", "must be a list of 1 to 500 notification ids");
        }
        List<UUID> ids = new ArrayList<>();
        for (Object id : list) {
            try {
                ids.add(UUID.fromString(String.valueOf(id)));
            } catch (IllegalArgumentException e) {
                throw CrmException.invalid("ids", "must contain ids (UUIDs) only");
            }
        }
        ctx.json(Map.of("count", notifications.markRead(CurrentActor.of(ctx), ids)));
    }

    void tasks(Context ctx) {
        ctx.json(tasks.open(CurrentActor.of(ctx), 200));
    }

    void done(Context ctx) {
        ctx.json(tasks.complete(CurrentActor.of(ctx), Requests.id(ctx, "id", "Task")));
    }
}
