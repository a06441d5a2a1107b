package io.intelligencecrm.bots.slack;

import io.intelligencecrm.core.tenant.TenantId;

/** A tenant's connected Slack workspace with its opened credentials. Never serialised or logged. */
public record SlackWorkspace(TenantId tenant, String teamId, String teamName, String botUserId, String botToken,
                             String signingSecret) {

    @Override
    public String toString() {
        return "SlackWorkspace[" + teamId + " " + teamName + " for " + tenant + "]";
    }
}
