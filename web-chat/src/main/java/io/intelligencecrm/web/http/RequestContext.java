package io.intelligencecrm.web.http;

import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.logging.LogContext;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id, echoed as {@code X-Request-Id} (the caller's own when it sent a sane
 * one, so a proxy's id follows the request), and puts it in the log context with the W3C trace id
 * when the request carries a {@code traceparent}. Authentication adds the tenant and user.
 * {@link RequestLog} clears the context when the request ends.
 */
public final class RequestContext implements Handler {
    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern TRACE_PARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

    @Override
    public void handle(Context ctx) {
        String given = ctx.header(HEADER);
        String requestId = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put(LogContext.REQUEST_ID, requestId);
        String traceParent = ctx.header("traceparent");
        var trace = traceParent == null ? null : TRACE_PARENT.matcher(traceParent.trim());
        if (trace != null && trace.matches()) MDC.put(LogContext.TRACE_ID, trace.group(1));
        ctx.header(HEADER, requestId);
    }

    /** The verified caller, for the rest of the request's log lines. */
    public static void identify(Actor actor) {
        MDC.put(LogContext.TENANT_ID, actor.tenant().value().toString());
        if (actor.userId() != null) MDC.put(LogContext.USER_ID, actor.userId().toString());
    }

    static void end() {
        MDC.clear();
    }
}
