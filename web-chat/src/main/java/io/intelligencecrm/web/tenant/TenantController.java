package io.intelligencecrm.web.tenant;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.tenant.TenantServices;
import io.intelligencecrm.core.tenant.TenantSettingsService;
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
        api.patch("/api/tenant", this::update).doc("tenant", "Change the company's name or settings (admins)")
                .description("Time zone (IANA), default currency (ISO 4217), locale (language tag) and working days."
                        + " Fields left out keep their value.")
                .body("TenantSettingsChanges").returns("TenantSettings");
        api.get("/api/tenant/export", this::export).doc("tenant", "Everything of the company as one archive (admins)")
                .description("A zip with every record type as JSON lines and CSV and a manifest with counts and"
                        + " checksums; streamed. Format: docs/operating/tenants.md.")
                .returnsText("application/zip");
    }

    void get(Context ctx) {
        ctx.json(tenants.settings().get(CurrentActor.of(ctx)));
    }

    void update(Context ctx) {
        Map<String, Object> body = Requests.jsonObject(ctx);
        Object days = body.get("workingDays");
        if (days != null && !(days instanceof List<?>)) {
            throw CrmException.invalid("workingDays", "must be a list of day names");
        }
        ctx.json(tenants.settings().update(CurrentActor.of(ctx), new TenantSettingsService.Changes(
                text(body, "name"), text(body, "timezone"), text(body, "currency"), text(body, "locale"),
                days == null ? null : ((List<?>) days).stream().map(day -> day == null ? null : day.toString()).toList())));
    }

    void export(Context ctx) throws IOException {
        Actor actor = CurrentActor.of(ctx);
        Permissions.requireAdmin(actor, "export the company's data");
        audit.record(actor, "tenant.export", "tenant", actor.tenant().value(), Map.of());
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"export.zip\"");
        tenants.export().write(actor.tenant(), ctx.outputStream(), progress -> { });
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? null : value.toString();
    }
}
