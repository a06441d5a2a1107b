package io.intelligencecrm.web.mcp;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.mcp.CrmMcpServer;
import io.intelligencecrm.web.auth.ApiAuthentication;
import io.intelligencecrm.web.auth.RateLimits;
import io.intelligencecrm.web.auth.WebSocketAuthentication;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * MCP's Streamable HTTP transport at {@code /mcp}, stateless: each POST carries one JSON-RPC message and
 * an {@code Authorization: Bearer} API key or access token, which alone decides the tenant, user and role.
 * There is no server-to-client stream (GET and DELETE answer 405). A browser page of another origin is
 * refused, so a local server cannot be driven from a website (DNS rebinding).
 */
public final class McpController {
    public static final String PATH = "/mcp";

    private final CrmMcpServer mcp;
    private final ApiAuthentication authentication;
    private final RateLimits limits;
    private final Supplier<Set<String>> allowedOrigins;

    public McpController(CrmMcpServer mcp, ApiAuthentication authentication, RateLimits limits,
                         Supplier<Set<String>> allowedOrigins) {
        this.mcp = mcp;
        this.authentication = authentication;
        this.limits = limits;
        this.allowedOrigins = allowedOrigins;
    }

    public void routes(RoutesConfig routes) {
        routes.post(PATH, this::post);
        routes.get(PATH, this::noStream);
        routes.delete(PATH, this::noStream);
    }

    void post(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !allowedOrigins.get().contains(WebSocketAuthentication.normalised(origin))) {
            throw CrmException.forbidden("Requests from web pages of other origins are refused");
        }
        Actor actor = authentication.authenticate(ctx).orElseThrow(() -> new CrmException(ErrorCode.UNAUTHENTICATED,
                "An API key or access token is required (Authorization: Bearer ...)"));
        limits.checkRequest(actor);
        Optional<String> reply;
        try {
            reply = mcp.handle(actor, ctx.body());
        } catch (IllegalArgumentException e) {
            throw CrmException.invalid("body", e.getMessage());
        }
        if (reply.isPresent()) ctx.contentType("application/json").result(reply.get());
        else ctx.status(202);
    }

    void noStream(Context ctx) {
        ctx.header("Allow", "POST").status(405);
    }
}
