package io.intelligencecrm.web.deal;

import io.intelligencecrm.core.deal.DealQuery;
import io.intelligencecrm.core.deal.DealService;
import io.intelligencecrm.core.deal.DealStage;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.QueryParams;
import io.intelligencecrm.web.http.Requests;
import io.javalin.http.Context;

public final class DealController {
    private final DealService deals;

    public DealController(DealService deals) {
        this.deals = deals;
    }

    public void routes(ApiRoutes api) {
        api.get("/api/deals", this::list).doc("deals", "List and search deals").returns("DealPage")
                .query("q", "string", "words matched against deal and company name")
                .query("ownerId", "uuid", "owner").query("stage", "string", "pipeline stage")
                .query("open", "boolean", "true: not won or lost yet; false: closed")
                .query("companyId", "uuid", "company").query("contactId", "uuid", "contact")
                .query("closingFrom", "date", "expected close on or after").query("closingTo", "date", "expected close on or before")
                .query("amountMin", "number", "amount at least").query("amountMax", "number", "amount at most")
                .query("sort", "string", "created (default), updated, close or amount")
                .query("descending", "boolean", "sort direction").query("cursor", "string", "nextCursor of the previous page")
                .query("limit", "integer", "page size, 1-100").query("deleted", "boolean", "true lists the trash");
        api.get("/api/deals/pipeline", this::pipeline).doc("deals", "Deal count and value per stage")
                .query("ownerId", "uuid", "only this owner's deals").returns("PipelineStage[]");
        api.post("/api/deals", this::create).doc("deals", "Create a deal").body("DealInput").returns(201, "Deal");
        api.get("/api/deals/{id}", this::get).doc("deals", "A deal").returns("Deal");
        api.patch("/api/deals/{id}", this::update).doc("deals", "Change some fields, e.g. move its stage")
                .description("Moving to won or lost stamps closedAt; reopening clears it.")
                .body("DealInput").returns("Deal");
        api.delete("/api/deals/{id}", this::delete).doc("deals", "Delete (to trash)").returns(204, null);
        api.post("/api/deals/{id}/restore", this::restore).doc("deals", "Restore from the trash").returns("Deal");
    }

    void list(Context ctx) {
        QueryParams params = new QueryParams(ctx);
        DealQuery query = new DealQuery(params.text("q"), params.uuid("ownerId"), params.choice("stage", DealStage.class),
                params.bool("open"), params.uuid("companyId"), params.uuid("contactId"), params.date("closingFrom"),
                params.date("closingTo"), params.decimal("amountMin"), params.decimal("amountMax"), params.text("sort"),
                params.bool("descending"), params.text("cursor"), params.integer("limit"),
                Boolean.TRUE.equals(params.bool("deleted")));
        params.validate();
        ctx.json(deals.list(CurrentActor.of(ctx), query));
    }

    void pipeline(Context ctx) {
        QueryParams params = new QueryParams(ctx);
        var ownerId = params.uuid("ownerId");
        params.validate();
        ctx.json(deals.pipeline(CurrentActor.of(ctx), ownerId));
    }

    void create(Context ctx) {
        ctx.status(201).json(deals.create(CurrentActor.of(ctx), Requests.jsonObject(ctx)));
    }

    void get(Context ctx) {
        ctx.json(deals.get(CurrentActor.of(ctx), Requests.id(ctx, "id", "Deal")));
    }

    void update(Context ctx) {
        ctx.json(deals.update(CurrentActor.of(ctx), Requests.id(ctx, "id", "Deal"), Requests.jsonObject(ctx)));
    }

    void delete(Context ctx) {
        deals.delete(CurrentActor.of(ctx), Requests.id(ctx, "id", "Deal"));
        ctx.status(204);
    }

    void restore(Context ctx) {
        ctx.json(deals.restore(CurrentActor.of(ctx), Requests.id(ctx, "id", "Deal")));
    }
}
