package io.intelligencecrm.web.interaction;

import io.intelligencecrm.core.interaction.Direction;
import io.intelligencecrm.core.interaction.InteractionQuery;
import io.intelligencecrm.core.interaction.InteractionService;
import io.intelligencecrm.core.interaction.InteractionType;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.QueryParams;
import io.intelligencecrm.web.http.Requests;
import io.javalin.http.Context;

public final class InteractionController {
    private final InteractionService interactions;

    public InteractionController(InteractionService interactions) {
        this.interactions = interactions;
    }

    public void routes(ApiRoutes api) {
        api.get("/api/interactions", this::list).doc("interactions", "The interaction timeline, newest first")
                .returns("InteractionPage")
                .query("contactId", "uuid", "one contact's timeline").query("dealId", "uuid", "one deal")
                .query("type", "string", "note, call, email, meeting, chat or sms")
                .query("direction", "string", "inbound, outbound or internal").query("authorId", "uuid", "author")
                .query("from", "date-time", "occurred at or after").query("to", "date-time", "occurred before")
                .query("q", "string", "full-text search over subject and content")
                .query("cursor", "string", "nextCursor of the previous page").query("limit", "integer", "page size, 1-100")
                .query("deleted", "boolean", "true lists the trash");
        api.post("/api/interactions", this::create).doc("interactions", "Log a note, call, email, meeting, chat or SMS")
                .body("InteractionInput").returns(201, "Interaction");
        api.get("/api/interactions/{id}", this::get).doc("interactions", "An interaction").returns("Interaction");
        api.patch("/api/interactions/{id}", this::update).doc("interactions", "Change some fields")
                .body("InteractionInput").returns("Interaction");
        api.delete("/api/interactions/{id}", this::delete).doc("interactions", "Delete (to trash)").returns(204, null);
        api.post("/api/interactions/{id}/restore", this::restore).doc("interactions", "Restore from the trash")
                .returns("Interaction");
    }

    void list(Context ctx) {
        QueryParams params = new QueryParams(ctx);
        InteractionQuery query = new InteractionQuery(params.uuid("contactId"), params.uuid("dealId"),
                params.choice("type", InteractionType.class), params.choice("direction", Direction.class),
                params.uuid("authorId"), params.instant("from"), params.instant("to"), params.text("q"),
                params.text("cursor"), params.integer("limit"), Boolean.TRUE.equals(params.bool("deleted")));
        params.validate();
        ctx.json(interactions.list(CurrentActor.of(ctx), query));
    }

    void create(Context ctx) {
        ctx.status(201).json(interactions.log(CurrentActor.of(ctx), Requests.jsonObject(ctx)));
    }

    void get(Context ctx) {
        ctx.json(interactions.get(CurrentActor.of(ctx), Requests.id(ctx, "id", "Interaction")));
    }

    void update(Context ctx) {
        ctx.json(interactions.update(CurrentActor.of(ctx), Requests.id(ctx, "id", "Interaction"),
                Requests.jsonObject(ctx)));
    }

    void delete(Context ctx) {
        interactions.delete(CurrentActor.of(ctx), Requests.id(ctx, "id", "Interaction"));
        ctx.status(204);
    }

    void restore(Context ctx) {
        ctx.json(interactions.restore(CurrentActor.of(ctx), Requests.id(ctx, "id", "Interaction")));
    }
}
