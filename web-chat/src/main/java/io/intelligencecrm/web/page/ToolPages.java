package io.intelligencecrm.web.page;

import io.intelligencecrm.web.auth.BrowserSessions.Signed;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Pages whose work happens through the API from the page's script: CSV import (mapping, dry run,
 * rejected rows), knowledge documents, workflows and their runs, the inbox (notifications and
 * tasks), Slack (linking your account; connecting the workspace for admins), users and API keys, and
 * webhooks (admins only). The server renders the
 * frame; the script calls the same endpoints a script of the customer's own would.
 */
public final class ToolPages {
    private final PageGate gate;
    private final Templates templates;

    public ToolPages(PageGate gate, Templates templates) {
        this.gate = gate;
        this.templates = templates;
    }

    public void routes(RoutesConfig routes) {
        routes.get("/import", gate.signedIn((ctx, signed) -> show(ctx, signed, "import.jte", "Import contacts", "import")));
        routes.get("/knowledge", gate.signedIn((ctx, signed) -> show(ctx, signed, "knowledge.jte", "Knowledge", "knowledge")));
        routes.get("/workflows", gate.signedIn((ctx, signed) -> show(ctx, signed, "workflows.jte", "Workflows", "workflows")));
        routes.get("/inbox", gate.signedIn((ctx, signed) -> show(ctx, signed, "inbox.jte", "Inbox", "inbox")));
        routes.get("/slack", gate.signedIn((ctx, signed) -> show(ctx, signed, "slack.jte", "Slack", "slack")));
        routes.get("/settings", gate.admin((ctx, signed) -> show(ctx, signed, "settings.jte", "Settings", "settings")));
        routes.get("/settings/webhooks", gate.admin((ctx, signed) -> show(ctx, signed, "webhooks.jte", "Webhooks", "settings")));
    }

    private void show(Context ctx, Signed signed, String template, String title, String active) {
        templates.page(ctx, template, Map.of("shell", gate.shell(ctx, signed, title, active)));
    }
}
