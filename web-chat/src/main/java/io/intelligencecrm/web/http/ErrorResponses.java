package io.intelligencecrm.web.http;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where errors become HTTP responses: RFC 9457 problem+json with a stable type,
 * a human title and per-field messages. Unexpected failures are logged and never leak a trace.
 */
public final class ErrorResponses {
    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPE_BASE = "https://intelligencecrm.io/problems/";

    private ErrorResponses() {
    }

    /** Renders an error as a page for a browser that asked for one; false leaves it to problem+json. */
    @FunctionalInterface
    public interface HtmlErrors {
        boolean render(Context ctx, int status, String title, String detail);
    }

    public static void register(RoutesConfig routes) {
        register(routes, (ctx, status, title, detail) -> false);
    }

    public static void register(RoutesConfig routes, HtmlErrors html) {
        routes.exception(CrmException.class, (e, ctx) -> {
            if (e.code() == ErrorCode.RATE_LIMITED) {
                ctx.header("Retry-After", String.valueOf(e.extensions().getOrDefault("retryAfterSeconds", 1)));
            }
            if (html.render(ctx, status(e.code()), e.code().title(), e.getMessage())) return;
            if (e.code() == ErrorCode.UNAUTHENTICATED) ctx.header("WWW-Authenticate", "Bearer realm=\"crm\"");
            write(ctx, status(e.code()), e.code().slug(), e.code().title(), e.getMessage(), e.fieldErrors(),
                    e.extensions());
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 404 && html.render(ctx, 404, "This page does not exist",
                    "The link may be old, or the record was deleted.")) {
                return;
            }
            write(ctx, e.getStatus(), "http-" + e.getStatus(), e.getMessage(), e.getMessage(), Map.of(), Map.of());
        });
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            if (html.render(ctx, 500, "Something went wrong on our side",
                    "The error was logged. Please try again; if it keeps happening, contact your administrator.")) {
                return;
            }
            write(ctx, 500, "internal-error", "Something went wrong on our side",
                    "The error was logged. Please try again; if it keeps happening, contact your administrator.",
                    Map.of(), Map.of());
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                if (html.render(ctx, 404, "This page does not exist", "The link may be old, or the record was deleted.")) return;
                write(ctx, 404, "not-found", "Not found", "No such resource: " + ctx.path(), Map.of(), Map.of());
            }
        });
    }

    public static int status(ErrorCode code) {
        return switch (code) {
            case VALIDATION -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case RATE_LIMITED -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    public static void write(Context ctx, int status, String type, String title, String detail,
                             Map<String, String> fieldErrors, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>(extensions);
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        if (!fieldErrors.isEmpty()) body.put("errors", fieldErrors);
        ctx.status(status).json(body).contentType(PROBLEM_JSON);
    }
}
