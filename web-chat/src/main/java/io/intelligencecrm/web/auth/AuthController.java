package io.intelligencecrm.web.auth;

import io.intelligencecrm.core.identity.Authentication;
import io.intelligencecrm.core.identity.IssuedSession;
import io.intelligencecrm.core.identity.LoginAttempt;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserService;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.http.Requests;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Login, token refresh, logout, invitation acceptance and "who am I". */
public final class AuthController {
    private final Authentication authentication;
    private final AccessTokens tokens;
    private final RateLimits limits;
    private final UserService users;

    public AuthController(Authentication authentication, AccessTokens tokens, RateLimits limits, UserService users) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.limits = limits;
        this.users = users;
    }

    public void routes(ApiRoutes api) {
        api.post("/api/auth/login", this::login).open().doc("auth", "Sign in")
                .description("Tenant by slug or domain. Returns a short-lived access token and a one-time refresh token.")
                .body("LoginRequest").returns("TokenResponse");
        api.post("/api/auth/refresh", this::refresh).open().doc("auth", "Exchange a refresh token for new tokens")
                .description("Refresh tokens rotate: each works once. Reusing a spent one revokes the session.")
                .body("RefreshRequest").returns("TokenResponse");
        api.post("/api/auth/logout", this::logout).doc("auth", "Sign out (revokes the session and its tokens)")
                .returns(204, null);
        api.get("/api/auth/me", this::me).doc("auth", "The signed-in user").returns("User");
        api.post("/api/invitations/accept", this::acceptInvitation).open()
                .doc("auth", "Set a password from an invitation link").body("AcceptInvitation").returns("User");
    }

    void login(Context ctx) {
        Map<String, Object> body = Requests.jsonObject(ctx);
        LoginAttempt attempt = authentication.attempt(text(body.get("tenant")), text(body.get("email")));
        limits.checkLogin(attempt, ctx.ip());
        IssuedSession issued = authentication.login(attempt, text(body.get("password")), ctx.userAgent());
        ctx.json(tokenResponse(issued));
    }

    void refresh(Context ctx) {
        Map<String, Object> body = Requests.jsonObject(ctx);
        ctx.json(tokenResponse(authentication.refresh(text(body.get("refreshToken")))));
    }

    void logout(Context ctx) {
        var actor = CurrentActor.of(ctx);
        ApiAuthentication.session(ctx).ifPresent(session -> authentication.logout(actor, session));
        ctx.status(204);
    }

    void me(Context ctx) {
        ctx.json(users.me(CurrentActor.of(ctx)));
    }

    void acceptInvitation(Context ctx) {
        Map<String, Object> body = Requests.jsonObject(ctx);
        User user = users.acceptInvitation(text(body.get("token")), text(body.get("password")));
        ctx.json(user);
    }

    private Map<String, Object> tokenResponse(IssuedSession issued) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("accessToken", tokens.issue(issued));
        response.put("tokenType", "Bearer");
        response.put("expiresIn", tokens.lifetime().toSeconds());
        response.put("refreshToken", issued.refreshToken());
        response.put("user", issued.user());
        response.put("tenant", Map.of("id", issued.tenant().id(), "slug", issued.tenant().slug(),
                "name", issued.tenant().name()));
        return response;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
