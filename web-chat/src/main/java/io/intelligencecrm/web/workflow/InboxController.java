package io.intelligencecrm.web.workflow;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.notification.NotificationService;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.QueryParams;
import io.intelligencecrm.web.http.Requests;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What workflows leave for their owner: notifications (tasks have their own controller). */
public final class InboxController {
    private final NotificationService notifications;

    public InboxController(NotificationService notifications) {
        this.notifications = notifications;
    }

    public void routes(ApiRoutes api) {
        api.get("/api/notifications", this::notifications).doc("inbox", "Your notifications, newest first")
                .query("unread", "boolean", "only unread ones").returns("Notification[]");
        api.post("/api/notifications/read", this::markRead).doc("inbox", "Mark notifications read")
                .body("IdList").returns("CountResult");
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
}
