package io.intelligencecrm.web.http;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One readable line per request: method, path, status, time. Never bodies or credentials. */
public final class RequestLog implements RequestLogger {
    private static final Logger log = LoggerFactory.getLogger("http");

    @Override
    public void handle(Context ctx, Float millis) {
        if (!log.isInfoEnabled()) return; // String.format would run for every request even when nothing is logged
        log.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), String.format("%.1f", millis));
    }
}
