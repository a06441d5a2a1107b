package io.intelligencecrm.web.auth;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.identity.Actor;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs before a WebSocket upgrade: refuses a browser page from a foreign origin (403), then
 * establishes the caller from an {@code Authorization} header, a {@code bearer.<token>} entry in
 * {@code Sec-WebSocket-Protocol}, or this app's session cookie (401 without any).
 */
public final class WebSocketAuthentication implements Handler {
    public static final String PROTOCOL = "crm.v1";
    private static final String BEARER_PROTOCOL = "bearer.";

    private final ApiAuthentication authentication;
    private final Supplier<Set<String>> allowedOrigins;
    private final BrowserSessions browser;

    public WebSocketAuthentication(ApiAuthentication authentication, Supplier<Set<String>> allowedOrigins,
                                   BrowserSessions browser) {
        this.browser = browser;
        this.authentication = authentication;
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    public void handle(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !allowedOrigins.get().contains(normalised(origin))) {
            throw CrmException.forbidden("WebSocket connections from " + origin + " are not allowed");
        }
        Actor actor = authentication.authenticate(ctx)
                .or(() -> fromProtocol(ctx))
                // A cookie rides along on any page's request, so it counts only with this app's own Origin.
                .or(() -> origin == null ? Optional.empty() : browser.find(ctx).map(BrowserSessions.Signed::actor))
                .orElseThrow(() -> new CrmException(ErrorCode.UNAUTHENTICATED,
                        "A valid access token is required (Authorization header or a bearer.<token> subprotocol)"));
        CurrentActor.set(ctx, actor);
        answerProtocol(ctx);
    }

    /**
     * Javalin echoes the first subprotocol offered; a client listing {@code bearer.<token>} first
     * would get its token back in a header. Answer with the chat protocol, or none.
     */
    private static void answerProtocol(Context ctx) {
        String offered = ctx.header("Sec-WebSocket-Protocol");
        boolean chat = offered != null && Arrays.stream(offered.split(",")).map(String::trim).anyMatch(PROTOCOL::equals);
        ctx.res().setHeader("Sec-WebSocket-Protocol", chat ? PROTOCOL : null);
    }

    private Optional<Actor> fromProtocol(Context ctx) {
        String protocols = ctx.header("Sec-WebSocket-Protocol");
        if (protocols == null) return Optional.empty();
        return Arrays.stream(protocols.split(","))
                .map(String::trim)
                .filter(p -> p.startsWith(BEARER_PROTOCOL))
                .findFirst()
                .flatMap(p -> authentication.authenticate(ctx, p.substring(BEARER_PROTOCOL.length())));
    }

    /** scheme://host[:port], lower case, default ports dropped: how browsers send Origin. */
    public static String normalised(String url) {
        try {
            URI uri = URI.create(url.trim());
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (port == 80 && "http".equals(uri.getScheme()))
                    || (port == 443 && "https".equals(uri.getScheme()));
            return (uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port)).toLowerCase();
        } catch (IllegalArgumentException | NullPointerException e) {
            return "invalid";
        }
    }
}
