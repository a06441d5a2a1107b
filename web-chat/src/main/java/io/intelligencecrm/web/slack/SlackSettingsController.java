package io.intelligencecrm.web.slack;

import io.intelligencecrm.bots.slack.SlackIntegration;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.Requests;
import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;

/** Connecting the tenant's Slack app and linking Slack users to CRM users (admins; the settings page). */
public final class SlackSettingsController {
    private final SlackIntegration slack;

    public SlackSettingsController(SlackIntegration slack) {
        this.slack = slack;
    }

    public void routes(ApiRoutes api) {
        api.get("/api/slack", this::status).doc("slack", "Whether a Slack workspace is connected (admins)")
                .returns("SlackConnection");
        api.put("/api/slack", this::connect).doc("slack", "Connect the tenant's Slack app (admins)")
                .description("Checks the bot token with Slack (auth.test), then stores it and the signing secret "
                        + "encrypted. Replaces an earlier connection. 400 when Slack refuses the token, 409 when "
                        + "the workspace belongs to another CRM account.")
                .body("SlackCredentials").returns("SlackConnection");
        api.delete("/api/slack", this::disconnect).doc("slack", "Disconnect Slack and forget its user links (admins)")
                .returns(204, null);
        api.get("/api/slack/links", this::links).doc("slack", "Slack users linked to CRM users (admins)")
                .returns("SlackUserLink[]");
        api.put("/api/slack/links/{slackUserId}", this::link).doc("slack", "Link a Slack user to a CRM user (admins)")
                .body("SlackLinkInput").returns("SlackUserLink");
        api.post("/api/slack/links/confirm", this::confirm)
                .doc("slack", "Link your own Slack account with the code the bot showed you")
                .description("Any signed-in user. The code is single-use and valid for 15 minutes; the Slack user "
                        + "it was shown to then acts as you.")
                .body("SlackLinkCode").returns("SlackUserLink");
        api.delete("/api/slack/links/{slackUserId}", this::unlink).doc("slack", "Remove a Slack user's link (admins)")
                .returns(204, null);
    }

    void status(Context ctx) {
        ctx.json(slack.status(CurrentActor.of(ctx)));
    }

    void connect(Context ctx) {
        Map<String, Object> body = Requests.jsonObject(ctx);
        ctx.json(slack.connect(CurrentActor.of(ctx), text(body, "botToken"), text(body, "signingSecret")));
    }

    void disconnect(Context ctx) {
        slack.disconnect(CurrentActor.of(ctx));
        ctx.status(204);
    }

    void links(Context ctx) {
        ctx.json(slack.links(CurrentActor.of(ctx)));
    }

    void link(Context ctx) {
        Map<String, Object> body = Requests.jsonObject(ctx);
        UUID userId;
        try {
            userId = body.get("userId") instanceof String id ? UUID.fromString(id) : null;
        } catch (IllegalArgumentException e) {
            throw CrmException.invalid("userId", "must be a user id");
        }
        ctx.json(slack.link(CurrentActor.of(ctx), ctx.pathParam("slackUserId"), userId));
    }

    void confirm(Context ctx) {
        ctx.json(slack.confirm(CurrentActor.of(ctx), text(Requests.jsonObject(ctx), "code")));
    }

    void unlink(Context ctx) {
        slack.unlink(CurrentActor.of(ctx), ctx.pathParam("slackUserId"));
        ctx.status(204);
    }

    private static String text(Map<String, Object> body, String field) {
        return body.get(field) instanceof String value ? value : null;
    }
}
