package io.intelligencecrm.web.auth;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.tenant.NewTenant;
import io.intelligencecrm.core.tenant.SignupService;
import io.intelligencecrm.core.user.Invitation;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.http.Requests;
import io.intelligencecrm.web.page.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Self-service sign-up, served only when CRM_SIGNUP is not off: the page and its API both ask for the
 * company, a workspace slug and the first admin's address, and mail a confirmation link; the link creates
 * the workspace and leads straight to setting a password. Rate-limited per client address.
 */
public final class SignupPages {
    private static final List<String> FIELDS = List.of("name", "slug", "adminName", "adminEmail", "code");

    private final SignupService signups;
    private final RateLimits limits;
    private final Templates templates;

    public SignupPages(SignupService signups, RateLimits limits, Templates templates) {
        this.signups = signups;
        this.limits = limits;
        this.templates = templates;
    }

    public void routes(ApiRoutes api) {
        api.post("/api/signup", this::requestApi).open().doc("signup", "Sign a company up (when CRM_SIGNUP allows)")
                .description("Mails a confirmation link to `adminEmail`; nothing is created before it is opened.")
                .body("SignupRequest").returns(202, null);
        api.post("/api/signup/confirm", this::confirmApi).open()
                .doc("signup", "Confirm a sign-up: creates the workspace and its first admin")
                .body("SignupConfirmation").returns(201, "Invitation");
    }

    public void pages(RoutesConfig routes) {
        routes.get("/signup", ctx -> render(ctx, Map.of(), Map.of(), false, null));
        routes.post("/signup", this::requestPage);
        routes.get("/signup/confirm/{token}", this::confirmPage);
    }

    void requestApi(Context ctx) {
        Map<String, Object> body = Requests.jsonObject(ctx);
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(field -> values.put(field, body.get(field) == null ? null : body.get(field).toString()));
        request(ctx, values);
        ctx.status(202);
    }

    void confirmApi(Context ctx) {
        Object token = Requests.jsonObject(ctx).get("token");
        limits.checkSignup(ctx.ip());
        ctx.status(201).json(signups.confirm(token == null ? null : token.toString()));
    }

    void requestPage(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(field -> values.put(field, ctx.formParam(field)));
        try {
            if (!AuthPages.sameOrigin(ctx)) throw CrmException.invalid("form", "did not come from this site's own page");
            request(ctx, values);
            render(ctx, values, Map.of(), true, null);
        } catch (CrmException e) {
            ctx.status(e.code() == ErrorCode.RATE_LIMITED ? 429 : 400);
            render(ctx, values, e.fieldErrors(), false, e.fieldErrors().isEmpty() ? e.getMessage()
                    : "Please correct the fields marked below.");
        }
    }

    void confirmPage(Context ctx) {
        limits.checkSignup(ctx.ip());
        try {
            Invitation admin = signups.confirm(ctx.pathParam("token"));
            ctx.redirect(URI.create(admin.link()).getPath());
        } catch (CrmException e) {
            ctx.status(400);
            render(ctx, Map.of(), Map.of(), false, "This confirmation link " + e.fieldErrors().getOrDefault("token",
                    "does not work") + ".");
        }
    }

    private void request(Context ctx, Map<String, String> values) {
        limits.checkSignup(ctx.ip());
        signups.request(new NewTenant(values.get("slug"), values.get("name"), values.get("adminEmail"),
                values.get("adminName"), null, null), values.get("code"));
    }

    private void render(Context ctx, Map<String, String> values, Map<String, String> errors, boolean sent, String error) {
        Map<String, String> shown = new LinkedHashMap<>();
        FIELDS.forEach(field -> shown.put(field, values.getOrDefault(field, "") == null ? "" : values.getOrDefault(field, "")));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("values", shown);
        params.put("errors", errors);
        params.put("needsCode", signups.mode() == SignupService.Mode.INVITE);
        params.put("sent", sent);
        params.put("error", error);
        templates.page(ctx, "signup.jte", params);
    }
}
