package io.intelligencecrm.web.page;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Headers on every response. The Content-Security-Policy allows scripts, styles, images and
 * connections from this origin only: no inline script or style, no eval, no plugins, no framing,
 * forms post only here. Model output and record text can therefore never run or load anything.
 */
public final class SecurityHeaders implements Handler {
    public static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Override
    public void handle(Context ctx) {
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }
}
