package io.intelligencecrm.web.slack;

import io.intelligencecrm.bots.slack.SignedRequest;
import io.intelligencecrm.bots.slack.SlackResponse;
import io.intelligencecrm.bots.slack.SlackServices;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The three URLs a Slack app calls: Events API, interactivity (buttons) and the slash command. They
 * sit outside /api because Slack proves itself with its request signature, not a CRM credential;
 * the signature is checked over the raw body, so the body is read as bytes, untouched.
 */
public final class SlackWebhookController {
    private final SlackServices slack;

    public SlackWebhookController(SlackServices slack) {
        this.slack = slack;
    }

    public void routes(RoutesConfig routes) {
        routes.post("/slack/events", ctx -> answer(ctx, slack.events()::receive));
        routes.post("/slack/interactions", ctx -> answer(ctx, slack.interactions()::receive));
        routes.post("/slack/commands", ctx -> answer(ctx, slack.commands()::receive));
    }

    private static void answer(Context ctx, Function<SignedRequest, SlackResponse> receiver) {
        SlackResponse response = receiver.apply(new SignedRequest(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8),
                ctx.header("X-Slack-Request-Timestamp"), ctx.header("X-Slack-Signature")));
        ctx.status(response.status()).contentType(response.contentType()).result(response.body());
    }
}
