package io.intelligencecrm.web.http;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After each request: one readable log line (method, route, status, time) and the request in the
 * {@code http.server.requests} histogram. Both name the route's template ({@code /api/contacts/{id}}),
 * never the path itself, which may carry ids, tokens or an email typed into a URL; never bodies or
 * credentials either.
 */
public final class RequestLog implements RequestLogger {
    public static final String METRIC = "http.server.requests";
    private static final Logger log = LoggerFactory.getLogger("http");
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;

    public RequestLog(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Context ctx, Float millis) {
        try {
            String route = route(ctx);
            String status = String.valueOf(ctx.statusCode());
            Timer.builder(METRIC).description("HTTP requests by route template and status")
                    .tags("method", ctx.method().name(), "route", route, "status", status)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record(Duration.ofNanos((long) (millis * 1_000_000)));
            if (log.isInfoEnabled()) {
                // String.format would run for every request even when nothing is logged.
                log.info("{} {} {} {}ms", ctx.method(), route, status, String.format("%.1f", millis));
            }
        } finally {
            RequestContext.end();
        }
    }

    /** The matched route's template; files and unknown paths are told apart by their status only. */
    static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null) return endpoint.path;
        return ctx.statusCode() < 400 ? "static" : "unmatched";
    }
}
