package io.intelligencecrm.web.page;

import io.intelligencecrm.web.auth.BrowserSessions;
import io.intelligencecrm.web.http.ErrorResponses;
import io.javalin.http.Context;
import java.util.Map;

/** Errors on pages read as pages: what went wrong and where to go next, never problem+json or a trace. */
public final class PageErrors implements ErrorResponses.HtmlErrors {
    private final BrowserSessions sessions;
    private final PageGate gate;
    private final Templates templates;

    public PageErrors(BrowserSessions sessions, PageGate gate, Templates templates) {
        this.sessions = sessions;
        this.gate = gate;
        this.templates = templates;
    }

    @Override
    public boolean render(Context ctx, int status, String title, String detail) {
        String path = ctx.path();
        String accept = ctx.header("Accept");
        if (path.startsWith("/api/") || path.startsWith("/health/") || path.startsWith("/ws/") || path.startsWith("/static/")
                || accept == null || !accept.contains("text/html")) {
            return false;
        }
        var signed = sessions.find(ctx);
        if (signed.isEmpty()) {
            ctx.redirect("/login");
            return true;
        }
        ctx.status(status);
        templates.page(ctx, "error.jte", Map.of("shell", gate.shell(ctx, signed.get(), title, ""), "status", status,
                "title", title, "detail", detail));
        return true;
    }
}
