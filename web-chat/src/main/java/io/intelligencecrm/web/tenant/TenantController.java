package io.intelligencecrm.web.tenant;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.tenant.TenantServices;
import io.intelligencecrm.web.api.ApiRoute;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.Requests;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The tenant's own settings (everyone reads, admins change) and its full export (admins). */
public final class TenantController {
    private final TenantServices tenants;
    private final AuditTrail audit;

    public TenantController(TenantServices tenants, AuditTrail audit) {
        this.tenants = tenants;
        this.audit = audit;
    }

    public void routes(ApiRoutes api) {
        api.get("/api/tenant", this::get).doc("tenant", "The company's name and settings").returns("TenantSettings");
        // PUT came first (the time zone alone); it means the same as PATCH: fields left out keep their value.
        for (ApiRoute change : List.of(api.patch("/api/tenant", this::update), api.put("/api/tenant", this::update))) {
            change.doc("tenant", "Change the company's name or settings (admins)")
                    .description("Time zone (IANA), default currency (ISO 4217), locale (language tag) and working"
                            + " days; fields left out keep their value, with PUT as with PATCH. Users without a time"
                            + " zone of their own follow the company's, and their cron workflows move with it.")
                    .body("TenantSettingsChanges").returns("TenantSettings");
        }
        api.get("/api/tenant/export", this::export).doc("tenant", "Everything of the company as one archive (admins)")
                .description("A zip with every record type as JSON lines and CSV and a manifest with counts and"
                        + " checksums; streamed. Format: docs/operating/tenants.md.")
                .returnsText("application/zip");
    }

    void get(Context ctx) {
        ctx.json(tenants.settings().get(CurrentActor.of(ctx)));
    }

    void update(Context ctx) {
        ctx.json(tenants.settings().update(CurrentActor.of(ctx), Requests.jsonObject(ctx)));
    }

    void export(Context ctx) throws IOException {
        Actor actor = CurrentActor.of(ctx);
        Permissions.requireAdmin(actor, "export the company's data");
        audit.record(actor, "tenant.export", "tenant", actor.tenant().value(), Map.of());
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"export.zip\"");
        tenants.export().write(actor.tenant(), ctx.outputStream(), progress -> { });
    }
}
