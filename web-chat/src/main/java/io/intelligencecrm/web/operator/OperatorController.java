package io.intelligencecrm.web.operator;

import io.intelligencecrm.core.tenant.NewTenant;
import io.intelligencecrm.core.tenant.Tenant;
import io.intelligencecrm.core.tenant.TenantAdministration;
import io.intelligencecrm.core.tenant.TenantServices;
import io.intelligencecrm.core.tenant.transfer.TenantArchive;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operator API for hosting providers: the {@code tenant} commands over HTTP, under /operator/, guarded by
 * the operator credential. Registered only when CRM_OPERATOR_TOKEN is set.
 */
public final class OperatorController {
    private static final String ACTOR = "operator-api";

    private final TenantServices tenants;
    private final String token;

    public OperatorController(TenantServices tenants, String token) {
        this.tenants = tenants;
        this.token = token;
    }

    public void routes(ApiRoutes api) {
        api.get("/operator/tenants", this::list).operator().doc("operator", "Every tenant, with its state and size")
                .returns("TenantSummary[]");
        api.post("/operator/tenants", this::create).operator()
                .doc("operator", "Create an empty tenant and its first admin")
                .description("No demo data. The response carries the first admin's one-time set-password link.")
                .body("TenantInput").returns(201, "ProvisionedTenant");
        api.post("/operator/tenants/{slug}/suspend", this::suspend).operator()
                .doc("operator", "Suspend a tenant: no sign-in, tokens or keys; its data stays").returns("TenantSummary");
        api.post("/operator/tenants/{slug}/resume", this::resume).operator().doc("operator", "Resume a suspended tenant")
                .returns("TenantSummary");
        api.delete("/operator/tenants/{slug}", this::delete).operator()
                .doc("operator", "Delete a tenant and everything of it")
                .description("Every row of every tenant table, its vectors and its scheduled jobs, in one transaction."
                        + " The slug must be repeated in `confirm`.")
                .query("confirm", "string", "the tenant's slug again").returns("TenantDeletion");
        api.get("/operator/tenants/{slug}/export", this::export).operator()
                .doc("operator", "The tenant's full archive (zip; format in docs/operating/tenants.md)")
                .returnsText("application/zip");
        api.post("/operator/tenants/import", this::importArchive).operator()
                .doc("operator", "Create a tenant from an archive")
                .query("slug", "string", "the new tenant's slug").query("name", "string", "the new tenant's name")
                .body("string", "application/zip").returns(201, "ImportedTenant");
    }

    /** Guards the operator paths; the routes themselves come in through the API catalogue. */
    public void guard(RoutesConfig config) {
        config.beforeMatched("/operator/*", new OperatorGuard(token));
    }

    void list(Context ctx) {
        ctx.json(tenants.administration().list());
    }

    void create(Context ctx) {
        Map<String, Object> body = Requests.jsonObject(ctx);
        var provisioned = tenants.administration().create(new NewTenant(text(body, "slug"), text(body, "name"),
                text(body, "adminEmail"), text(body, "adminName"), text(body, "timezone"), text(body, "currency")), ACTOR);
        ctx.status(201).json(Map.of("tenant", summary(provisioned.tenant().slug()), "admin", provisioned.admin()));
    }

    void suspend(Context ctx) {
        Tenant tenant = tenants.administration().suspend(ctx.pathParam("slug"), ACTOR);
        ctx.json(summary(tenant.slug()));
    }

    void resume(Context ctx) {
        Tenant tenant = tenants.administration().resume(ctx.pathParam("slug"), ACTOR);
        ctx.json(summary(tenant.slug()));
    }

    void delete(Context ctx) {
        var deleted = tenants.administration().delete(ctx.pathParam("slug"), ctx.queryParam("confirm"), ACTOR);
        ctx.json(Map.of("slug", deleted.tenant().slug(), "rows", deleted.rows()));
    }

    void export(Context ctx) throws IOException {
        TenantAdministration administration = tenants.administration();
        Tenant tenant = administration.find(ctx.pathParam("slug"));
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"" + tenant.slug() + "-export.zip\"");
        TenantArchive.Manifest manifest = tenants.export().write(tenant.tenantId(), ctx.outputStream(), progress -> { });
        administration.recordTransfer(tenant, "export", ACTOR, manifest);
    }

    void importArchive(Context ctx) {
        Path upload = null;
        try {
            upload = Files.createTempFile("crm-import-", ".zip");
            try (InputStream body = ctx.bodyInputStream()) {
                Files.copy(body, upload, StandardCopyOption.REPLACE_EXISTING);
            }
            var imported = tenants.administration().createFromArchive(new NewTenant(ctx.queryParam("slug"),
                    ctx.queryParam("name"), null, null, null, null), upload, tenants.imports(), ACTOR, progress -> { });
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("tenant", summary(imported.tenant().slug()));
            result.put("adminLinks", imported.adminLinks());
            ctx.status(201).json(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (upload != null) upload.toFile().delete();
        }
    }

    private Object summary(String slug) {
        return tenants.administration().summary(slug);
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? null : value.toString();
    }
}
