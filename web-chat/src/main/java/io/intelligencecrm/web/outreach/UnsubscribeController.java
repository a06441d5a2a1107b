package io.intelligencecrm.web.outreach;

import io.intelligencecrm.outreach.unsubscribe.UnsubscribeService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The unsubscribe link in every outreach mail, served without login: the signed token is the
 * credential. GET shows a confirmation (mail scanners follow links, so GET changes nothing); POST
 * unsubscribes, which is also what mail clients send for RFC 8058 one-click unsubscribe.
 */
public final class UnsubscribeController {
    private final UnsubscribeService unsubscribe;

    public UnsubscribeController(UnsubscribeService unsubscribe) {
        this.unsubscribe = unsubscribe;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/unsubscribe/{token}", this::confirm);
        routes.post("/unsubscribe/{token}", this::unsubscribe);
    }

    void confirm(Context ctx) {
        Optional<String> address = unsubscribe.address(ctx.pathParam("token"));
        if (address.isEmpty()) {
            ctx.status(404).html(page("This unsubscribe link is not valid.", ""));
            return;
        }
        ctx.html(page("Unsubscribe " + escape(address.get()) + " from our emails?",
                "<form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>"));
    }

    void unsubscribe(Context ctx) {
        Optional<String> address = unsubscribe.unsubscribe(ctx.pathParam("token"));
        if (address.isEmpty()) {
            ctx.status(404).html(page("This unsubscribe link is not valid.", ""));
            return;
        }
        ctx.html(page(escape(address.get()) + " will not receive our emails any more.", ""));
    }

    private static String page(String message, String form) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unsubscribe</title>"
                + "<meta name=\"viewport\" content=\"width=device-width\"></head><body style=\"font-family:sans-serif;"
                + "max-width:32rem;margin:4rem auto\"><p>" + message + "</p>" + form + "</body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
