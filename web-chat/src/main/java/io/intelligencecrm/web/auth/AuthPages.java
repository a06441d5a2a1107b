package io.intelligencecrm.web.auth;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.identity.Authentication;
import io.intelligencecrm.core.identity.IssuedSession;
import io.intelligencecrm.core.identity.LoginAttempt;
import io.intelligencecrm.core.user.UserService;
import io.intelligencecrm.web.auth.AccessTokens;
import io.intelligencecrm.web.auth.BrowserSessions;
import io.intelligencecrm.web.auth.RateLimits;
import io.intelligencecrm.web.auth.WebSocketAuthentication;
import io.intelligencecrm.web.page.PageGate;
import io.intelligencecrm.web.page.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Login and logout for the browser. */
public final class AuthPages {
    private final Authentication authentication;
    private final BrowserSessions sessions;
    private final AccessTokens tokens;
    private final RateLimits limits;
    private final Templates templates;
    private final PageGate gate;
    private final UserService users;
    private final String defaultTenant;

    public AuthPages(Authentication authentication, BrowserSessions sessions, AccessTokens tokens, RateLimits limits,
                     Templates templates, PageGate gate, UserService users, String defaultTenant) {
        this.users = users;
        this.authentication = authentication;
        this.sessions = sessions;
        this.tokens = tokens;
        this.limits = limits;
        this.templates = templates;
        this.gate = gate;
        this.defaultTenant = defaultTenant;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/login", this::form);
        routes.post("/login", this::login);
        routes.get("/invite/{token}", ctx -> invitation(ctx, null));
        routes.post("/invite/{token}", this::acceptInvitation);
        routes.post("/logout", gate.signedIn((ctx, signed) -> {
            authentication.logout(signed.actor(), signed.sessionId());
            tokens.sessionRevoked(signed.sessionId());
            sessions.clear(ctx);
            ctx.redirect("/login");
        }));
    }

    void form(Context ctx) {
        if (sessions.find(ctx).isPresent()) {
            ctx.redirect(next(ctx.queryParam("next")));
            return;
        }
        render(ctx, defaultTenant, ctx.queryParam("email"), null);
    }

    void login(Context ctx) {
        String tenant = ctx.formParam("tenant");
        String email = ctx.formParam("email");
        if (!sameOrigin(ctx)) {
            // Another site's form must not sign a visitor into an account of its choosing (login CSRF).
            ctx.status(403);
            render(ctx, tenant, email, "This sign-in did not come from this site's own page. Open the login page and try again.");
            return;
        }
        try {
            LoginAttempt attempt = authentication.attempt(tenant, email);
            limits.checkLogin(attempt, ctx.ip());
            IssuedSession issued = authentication.login(attempt, ctx.formParam("password"), ctx.userAgent());
            sessions.open(ctx, issued);
            ctx.redirect(next(ctx.formParam("next")));
        } catch (CrmException e) {
            ctx.status(e.code() == ErrorCode.RATE_LIMITED ? 429 : 401);
            String message = e.code() == ErrorCode.RATE_LIMITED ? "Too many attempts. " + e.getMessage() + "."
                    : "That workspace, email and password do not match. Check them and try again.";
            render(ctx, tenant, email, message);
        }
    }

    /** The page an invitation link opens: choose a password, then sign in. */
    void invitation(Context ctx, String error) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("token", ctx.pathParam("token"));
        params.put("error", error);
        templates.page(ctx, "invitation.jte", params);
    }

    void acceptInvitation(Context ctx) {
        String password = ctx.formParam("password");
        if (password == null || !password.equals(ctx.formParam("confirm"))) {
            ctx.status(400);
            invitation(ctx, "The two passwords are not the same. Type them again.");
            return;
        }
        try {
            var user = users.acceptInvitation(ctx.pathParam("token"), password);
            ctx.redirect("/login?email=" + java.net.URLEncoder.encode(user.email(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (CrmException e) {
            ctx.status(e.code() == ErrorCode.VALIDATION ? 400 : 401);
            invitation(ctx, e.fieldErrors().isEmpty() ? e.getMessage() + ". Ask your admin for a new invitation if it has expired."
                    : "Choose another password: " + String.join("; ", e.fieldErrors().values()));
        }
    }

    private void render(Context ctx, String tenant, String email, String error) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", tenant == null ? "" : tenant);
        params.put("email", email == null ? "" : email);
        params.put("next", next(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next")));
        params.put("error", error);
        templates.page(ctx, "login.jte", params);
    }

    /** Browsers send Origin with every form post; it must name this host (either scheme: a proxy may end TLS). */
    private static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) return true;
        String normalised = WebSocketAuthentication.normalised(origin);
        return normalised.equals(WebSocketAuthentication.normalised("http://" + ctx.host()))
                || normalised.equals(WebSocketAuthentication.normalised("https://" + ctx.host()));
    }

    /**
     * Only a path on this site. Browsers drop tabs and newlines from a Location and read a backslash
     * as a slash, so "/\t/evil.example" or "/\\evil.example" would leave the site: any control
     * character, whitespace or backslash, and anything naming a scheme or host, sends the user home.
     */
    static String next(String requested) {
        if (requested == null || !requested.startsWith("/") || requested.startsWith("//")) return "/";
        for (int i = 0; i < requested.length(); i++) {
            char c = requested.charAt(i);
            if (c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT) {
                return "/";
            }
        }
        try {
            URI uri = new URI(requested);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null
                    || !uri.getRawPath().startsWith("/") || uri.getRawPath().startsWith("//")) {
                return "/";
            }
        } catch (URISyntaxException e) {
            return "/";
        }
        return requested;
    }
}
