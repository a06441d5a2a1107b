package io.intelligencecrm.web.user;

import io.intelligencecrm.core.tenant.TenantSettingsService;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.Requests;
import io.javalin.http.Context;

/** The tenant's own settings: its time zone, which users without one of their own follow. */
public final class TenantController {
    private final TenantSettingsService settings;

    public TenantController(TenantSettingsService settings) {
        this.settings = settings;
    }

    public void routes(ApiRoutes api) {
        api.get("/api/tenant", this::get).doc("users", "The tenant's name and time zone").returns("TenantSettings");
        api.put("/api/tenant", this::update).doc("users", "Change the tenant's time zone (admins)")
                .description("Users without a time zone of their own follow the tenant's; their cron workflows are "
                        + "scheduled again in the new zone.")
                .body("TenantSettingsInput").returns("TenantSettings");
    }

    void get(Context ctx) {
        ctx.json(settings.get(CurrentActor.of(ctx)));
    }

    void update(Context ctx) {
        ctx.json(settings.update(CurrentActor.of(ctx), Requests.jsonObject(ctx)));
    }
}
