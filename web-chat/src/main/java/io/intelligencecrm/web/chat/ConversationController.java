package io.intelligencecrm.web.chat;

import io.intelligencecrm.core.conversation.ConversationService;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.QueryParams;
import io.intelligencecrm.web.http.Requests;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The signed-in user's conversations with the agent: list, start, read with history, rename, delete. */
public final class ConversationController {
    private final ConversationService conversations;

    public ConversationController(ConversationService conversations) {
        this.conversations = conversations;
    }

    public void routes(ApiRoutes api) {
        api.get("/api/conversations", this::list).doc("chat", "Your conversations, most recent first")
                .query("before", "date-time", "updatedAt of the last conversation of the previous page")
                .query("limit", "integer", "page size, 1-100").returns("Conversation[]");
        api.post("/api/conversations", this::start).doc("chat", "Start a conversation").body("ConversationInput")
                .returns(201, "Conversation");
        api.get("/api/conversations/{id}", this::get).doc("chat", "A conversation with its stored messages and events")
                .returns("ConversationHistory");
        api.patch("/api/conversations/{id}", this::rename).doc("chat", "Rename a conversation").body("ConversationInput")
                .returns("Conversation");
        api.delete("/api/conversations/{id}", this::delete).doc("chat", "Delete a conversation and its messages")
                .returns(204, null);
    }

    void list(Context ctx) {
        QueryParams params = new QueryParams(ctx);
        Instant before = params.instant("before");
        Integer limit = params.integer("limit");
        params.validate();
        ctx.json(conversations.list(CurrentActor.of(ctx), before, limit == null ? 30 : limit));
    }

    void start(Context ctx) {
        String title = ctx.body().isBlank() ? null : title(Requests.jsonObject(ctx), false);
        ctx.status(201).json(conversations.start(CurrentActor.of(ctx), "web", title));
    }

    void get(Context ctx) {
        UUID id = Requests.id(ctx, "id", "Conversation");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conversation", conversations.get(CurrentActor.of(ctx), id));
        body.put("messages", conversations.history(CurrentActor.of(ctx), id).stream()
                .filter(message -> !message.role().equals("system")).toList());
        ctx.json(body);
    }

    /** Another user's or tenant's conversation is not found before the body is even read. */
    void rename(Context ctx) {
        UUID id = Requests.id(ctx, "id", "Conversation");
        conversations.get(CurrentActor.of(ctx), id);
        ctx.json(conversations.rename(CurrentActor.of(ctx), id, title(Requests.jsonObject(ctx), true)));
    }

    void delete(Context ctx) {
        conversations.delete(CurrentActor.of(ctx), Requests.id(ctx, "id", "Conversation"));
        ctx.status(204);
    }

    private static String title(Map<String, Object> body, boolean required) {
        Object title = body.get("title");
        if (title == null && !required) return null;
        if (!(title instanceof String text)) throw CrmException.invalid("title", "is required text");
        return text;
    }
}
