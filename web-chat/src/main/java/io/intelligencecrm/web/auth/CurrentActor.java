package io.intelligencecrm.web.auth;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.web.http.RequestContext;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.util.Optional;

/**
 * The verified caller of a request. Only the authentication filter sets it (from a verified
 * token, API key or session cookie); controllers read it and pass it to services.
 */
public final class CurrentActor {
    private static final String ATTRIBUTE = "crm.actor";

    private CurrentActor() {
    }

    public static Actor of(Context ctx) {
        return find(ctx).orElseThrow(() -> new CrmException(ErrorCode.UNAUTHENTICATED, "Sign in first"));
    }

    public static Optional<Actor> find(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The caller established before a WebSocket upgrade. */
    public static Actor of(WsContext ctx) {
        Actor actor = ctx.attribute(ATTRIBUTE);
        if (actor == null) throw new CrmException(ErrorCode.UNAUTHENTICATED, "Sign in first");
        return actor;
    }

    static void set(Context ctx, Actor actor) {
        ctx.attribute(ATTRIBUTE, actor);
        RequestContext.identify(actor);
    }
}
