package io.intelligencecrm.web.company;

import io.intelligencecrm.core.company.CompanyQuery;
import io.intelligencecrm.core.company.CompanyService;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.QueryParams;
import io.intelligencecrm.web.http.Requests;
import io.javalin.http.Context;

public final class CompanyController {
    private final CompanyService companies;

    public CompanyController(CompanyService companies) {
        this.companies = companies;
    }

    public void routes(ApiRoutes api) {
        api.get("/api/companies", this::list).doc("companies", "List and search companies").returns("CompanyPage")
                .query("q", "string", "words matched against name and domain")
                .query("ownerId", "uuid", "owner").query("industry", "string", "industry")
                .query("country", "string", "country").query("sort", "string", "created (default), updated or name")
                .query("descending", "boolean", "sort direction").query("cursor", "string", "nextCursor of the previous page")
                .query("limit", "integer", "page size, 1-100").query("deleted", "boolean", "true lists the trash");
        api.post("/api/companies", this::create).doc("companies", "Create a company").body("CompanyInput")
                .returns(201, "Company");
        api.get("/api/companies/{id}", this::details).doc("companies", "A company with its contact count")
                .returns("CompanyDetails");
        api.patch("/api/companies/{id}", this::update).doc("companies", "Change some fields").body("CompanyInput")
                .returns("Company");
        api.delete("/api/companies/{id}", this::delete).doc("companies", "Delete (to trash)").returns(204, null);
        api.post("/api/companies/{id}/restore", this::restore).doc("companies", "Restore from the trash")
                .returns("Company");
    }

    void list(Context ctx) {
        QueryParams params = new QueryParams(ctx);
        CompanyQuery query = new CompanyQuery(params.text("q"), params.uuid("ownerId"), params.text("industry"),
                params.text("country"), params.text("sort"), params.bool("descending"), params.text("cursor"),
                params.integer("limit"), Boolean.TRUE.equals(params.bool("deleted")));
        params.validate();
        ctx.json(companies.list(CurrentActor.of(ctx), query));
    }

    void create(Context ctx) {
        ctx.status(201).json(companies.create(CurrentActor.of(ctx), Requests.jsonObject(ctx)));
    }

    void details(Context ctx) {
        ctx.json(companies.details(CurrentActor.of(ctx), Requests.id(ctx, "id", "Company")));
    }

    void update(Context ctx) {
        ctx.json(companies.update(CurrentActor.of(ctx), Requests.id(ctx, "id", "Company"), Requests.jsonObject(ctx)));
    }

    void delete(Context ctx) {
        companies.delete(CurrentActor.of(ctx), Requests.id(ctx, "id", "Company"));
        ctx.status(204);
    }

    void restore(Context ctx) {
        ctx.json(companies.restore(CurrentActor.of(ctx), Requests.id(ctx, "id", "Company")));
    }
}
