package io.intelligencecrm.web.auth;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Authentication;
import io.intelligencecrm.web.api.ApiRoutes;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs before every matched API endpoint: establishes the caller from the Authorization header
 * (an access token or an API key) and applies rate limits. Open endpoints (login, refresh, this
 * API's description) skip it. Nothing in the request body can change who the caller is.
 */
public final class ApiAuthentication implements Handler {
    private static final String SESSION_ATTRIBUTE = "crm.session";

    private final ApiRoutes routes;
    private final AccessTokens tokens;
    private final Authentication authentication;
    private final RateLimits limits;
    private final BrowserSessions browser;

    public ApiAuthentication(ApiRoutes routes, AccessTokens tokens, Authentication authentication, RateLimits limits,
                             BrowserSessions browser) {
        this.browser = browser;
        this.routes = routes;
        this.tokens = tokens;
        this.authentication = authentication;
        this.limits = limits;
    }

    @Override
    public void handle(Context ctx) {
        if (routes.isOpen(ctx.method().name(), ctx.endpoints().matchedHttpEndpoint().path)) return;
        // The app's own pages call the API with their session cookie (and CSRF token) instead of a header.
        Actor actor = authenticate(ctx).or(() -> browser.authenticateRequest(ctx)).orElseThrow(() -> new CrmException(ErrorCode.UNAUTHENTICATED,
                "A valid access token or API key is required (Authorization: Bearer ...)"));
        CurrentActor.set(ctx, actor);
        limits.checkRequest(actor);
    }

    public Optional<Actor> authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        return authenticate(ctx, header.substring(7).trim());
    }

    /** Verifies an access token or API key presented any other way (a WebSocket subprotocol, say). */
    public Optional<Actor> authenticate(Context ctx, String credential) {
        if (credential.startsWith(Authentication.API_KEY_KIND + "_")) return authentication.authenticateApiKey(credential);
        return tokens.verify(credential).map(verified -> {
            ctx.attribute(SESSION_ATTRIBUTE, verified.sessionId());
            return verified.actor();
        });
    }

    /** The session of the request's access token, when it used one (API keys have none). */
    public static Optional<UUID> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION_ATTRIBUTE));
    }
}
