package io.intelligencecrm.bots.slack;

import io.intelligencecrm.core.tenant.TenantId;
import java.util.Optional;
import java.util.UUID;

/**
 * Posts a notification into the tenant's Slack workspace, to a channel or as a direct message to a
 * linked CRM user (workflow notifications). The text is Markdown, formatted and escaped like answers.
 * Slack failures are thrown as {@link SlackApiException}, so a retried job can try again.
 */
public final class SlackNotifier {
    private final SlackWorkspaces workspaces;
    private final SlackUserLinks links;
    private final SlackApi api;

    public SlackNotifier(SlackWorkspaces workspaces, SlackUserLinks links, SlackApi api) {
        this.workspaces = workspaces;
        this.links = links;
        this.api = api;
    }

    /**
     * @param channel a channel id (C…) the bot was invited to, or a Slack user id for a direct message
     * @return the message's ts, or empty when the tenant has no Slack workspace connected
     */
    public Optional<String> toChannel(TenantId tenant, String channel, String markdown) {
        return workspaces.find(tenant).map(workspace -> api.postMessage(workspace.botToken(),
                SlackMessage.text(channel, null, SlackText.mrkdwn(markdown))));
    }

    /** @return the message's ts, or empty when there is no workspace or the user has no linked Slack account */
    public Optional<String> toUser(TenantId tenant, UUID userId, String markdown) {
        return links.slackUserOf(tenant, userId).flatMap(slackUser -> toChannel(tenant, slackUser, markdown));
    }
}
