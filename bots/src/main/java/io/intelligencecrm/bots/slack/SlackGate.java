package io.intelligencecrm.bots.slack;

import io.intelligencecrm.core.tenant.TenantId;
import java.time.Clock;
import java.util.Optional;

/**
 * Lets in only requests signed by a connected workspace's signing secret. The team id named in the
 * body is only a hint of which secret to check; nothing in the body is trusted before the signature
 * matched. Stale requests are refused before the database is asked anything.
 */
public final class SlackGate {
    private final SlackWorkspaces workspaces;
    private final Clock clock;

    public SlackGate(SlackWorkspaces workspaces, Clock clock) {
        this.workspaces = workspaces;
        this.clock = clock;
    }

    public Optional<SlackWorkspace> verified(String teamId, SignedRequest request) {
        if (!SlackSignature.fresh(request.timestamp(), clock.instant())) return Optional.empty();
        return workspaces.tenantOfTeam(teamId).flatMap(workspaces::find)
                .filter(workspace -> signedBy(workspace, request));
    }

    /**
     * Slack's URL verification names no team: the request must be signed by one of the connected
     * workspaces (the one being set up connected moments ago, so it is checked first).
     */
    public boolean signedByAnyWorkspace(SignedRequest request) {
        if (!SlackSignature.fresh(request.timestamp(), clock.instant())) return false;
        for (TenantId tenant : workspaces.connectedTenants()) {
            if (workspaces.find(tenant).filter(workspace -> signedBy(workspace, request)).isPresent()) return true;
        }
        return false;
    }

    private boolean signedBy(SlackWorkspace workspace, SignedRequest request) {
        return SlackSignature.verify(workspace.signingSecret(), request.timestamp(), request.body(),
                request.signature(), clock.instant());
    }
}
