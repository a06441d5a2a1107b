package io.intelligencecrm.web.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * HTTP Strict Transport Security for a product reached over HTTPS, whether this server speaks it
 * itself or a proxy in front does (then the public URL says https): browsers stop trying plain HTTP.
 */
public final class StrictTransport implements Handler {
    static final String HEADER = "Strict-Transport-Security";
    private static final String POLICY = "max-age=31536000";

    private final boolean publicUrlIsHttps;

    public StrictTransport(String publicUrl) {
        this.publicUrlIsHttps = publicUrl.startsWith("https:");
    }

    @Override
    public void handle(Context ctx) {
        if (publicUrlIsHttps || "https".equals(ctx.scheme())) ctx.header(HEADER, POLICY);
    }
}
