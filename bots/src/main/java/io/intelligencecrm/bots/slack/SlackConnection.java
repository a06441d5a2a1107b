package io.intelligencecrm.bots.slack;

import java.time.Instant;
import java.util.UUID;

/** What the settings page shows about the tenant's Slack workspace; never its credentials. */
public record SlackConnection(boolean connected, String teamId, String teamName, String botUserId,
                             UUID connectedBy, Instant connectedAt) {

    public static final SlackConnection NONE = new SlackConnection(false, null, null, null, null, null);
}
