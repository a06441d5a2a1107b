package io.intelligencecrm.web.metrics;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * The metrics on the public listener, for a scraper that presents CRM_METRICS_TOKEN as a bearer
 * token. Anyone else gets 404, as if there were nothing here.
 */
public final class MetricsRoute implements Handler {
    private final byte[] expected;
    private final Supplier<String> metrics;

    public MetricsRoute(String token, Supplier<String> metrics) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.metrics = metrics;
    }

    @Override
    public void handle(Context ctx) {
        String given = ctx.header("Authorization");
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            ctx.status(404).result("");
            return;
        }
        ctx.contentType(ManagementServer.CONTENT_TYPE).result(metrics.get());
    }
}
