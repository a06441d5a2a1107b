package io.intelligencecrm.scheduler.steps;

import io.intelligencecrm.bots.slack.SlackApiException;
import io.intelligencecrm.bots.slack.SlackNotifier;
import io.intelligencecrm.scheduler.engine.StepContext;
import java.util.Map;
import java.util.Optional;

/**
 * The Slack copy of a {@code notify} step whose {@code slack} field names a target: "owner" (a
 * direct message to the workflow owner's linked Slack account) or a channel id the bot was invited
 * to. The in-app notification is the record; Slack is a courtesy, so a tenant without Slack or an
 * owner without a link is noted in the step's output, and only an unreachable Slack is retried.
 */
final class SlackNotice {
    private final SlackNotifier slack;

    /** @param slack null when the product has no Slack bot (the target is then noted as not connected) */
    SlackNotice(SlackNotifier slack) {
        this.slack = slack;
    }

    /** @return what happened, for the step's output: "posted", "not connected", "not linked" or Slack's error */
    String post(StepContext context, String target, String title, String body) {
        String markdown = "**" + title + "**" + (body == null || body.isBlank() ? "" : "\n" + body);
        if (slack == null) return "not connected";
        Optional<String> posted;
        try {
            posted = target.equals("owner")
                    ? slack.toUser(context.owner().tenant(), context.owner().userId(), markdown)
                    : slack.toChannel(context.owner().tenant(), target, markdown);
        } catch (SlackApiException e) {
            // Unreachable or rate limited: worth the step's retries. A refusal (channel_not_found) will not change.
            if (e.error().equals("unreachable") || e.error().equals("ratelimited")) throw e;
            return e.error();
        }
        if (posted.isPresent()) return "posted";
        return target.equals("owner") ? "not linked" : "not connected";
    }

    static Map<String, Object> output(String notificationId, String slackOutcome) {
        return slackOutcome == null ? Map.of("notificationId", notificationId)
                : Map.of("notificationId", notificationId, "slack", slackOutcome);
    }
}
