package io.intelligencecrm.web.outreach;

import io.intelligencecrm.outreach.unsubscribe.UnsubscribeService;
import io.intelligencecrm.web.page.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * The unsubscribe link in every outreach mail, served without login: the signed token is the
 * credential. GET shows a confirmation (mail scanners follow links, so GET changes nothing); POST
 * unsubscribes, which is also what mail clients send for RFC 8058 one-click unsubscribe.
 */
public final class UnsubscribeController {
    private static final String INVALID = "This unsubscribe link is not valid.";

    private final UnsubscribeService unsubscribe;
    private final Templates templates;

    public UnsubscribeController(UnsubscribeService unsubscribe, Templates templates) {
        this.unsubscribe = unsubscribe;
        this.templates = templates;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/unsubscribe/{token}", this::confirm);
        routes.post("/unsubscribe/{token}", this::unsubscribe);
    }

    void confirm(Context ctx) {
        Optional<String> address = unsubscribe.address(ctx.pathParam("token"));
        if (address.isEmpty()) {
            show(ctx.status(404), INVALID, false);
            return;
        }
        show(ctx, "Unsubscribe " + address.get() + " from our emails?", true);
    }

    void unsubscribe(Context ctx) {
        Optional<String> address = unsubscribe.unsubscribe(ctx.pathParam("token"));
        if (address.isEmpty()) {
            show(ctx.status(404), INVALID, false);
            return;
        }
        show(ctx, address.get() + " will not receive our emails any more.", false);
    }

    /** The address is inserted as text by the template, whatever it contains. */
    private void show(Context ctx, String message, boolean confirm) {
        templates.page(ctx, "unsubscribe.jte", Map.of("message", message, "confirm", confirm));
    }
}
