package io.intelligencecrm.bots.slack;

import io.intelligencecrm.core.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Lets in only requests signed by a connected workspace's signing secret, each once. The team id
 * named in the body is only a hint of which secret to check; nothing in the body is trusted before
 * the signature matched. Stale requests are refused before the database is asked anything, and a
 * request replayed within the freshness window (the same signature again) is refused like a forgery.
 */
public final class SlackGate {
    private final SlackWorkspaces workspaces;
    private final SlackReplays replays;
    private final Clock clock;

    SlackGate(SlackWorkspaces workspaces, SlackReplays replays, Clock clock) {
        this.workspaces = workspaces;
        this.replays = replays;
        this.clock = clock;
    }

    public Optional<SlackWorkspace> verified(String teamId, SignedRequest request) {
        if (!SlackSignature.fresh(request.timestamp(), clock.instant())) return Optional.empty();
        return workspaces.tenantOfTeam(teamId).flatMap(workspaces::find)
                .filter(workspace -> signedBy(workspace, request) && firstUse(workspace.tenant(), request));
    }

    /**
     * Slack's URL verification names no team: the request must be signed by one of the connected
     * workspaces (the one being set up connected moments ago, so it is checked first).
     */
    public boolean signedByAnyWorkspace(SignedRequest request) {
        if (!SlackSignature.fresh(request.timestamp(), clock.instant())) return false;
        for (TenantId tenant : workspaces.connectedTenants()) {
            if (workspaces.find(tenant).filter(workspace -> signedBy(workspace, request)).isPresent()) {
                return firstUse(tenant, request);
            }
        }
        return false;
    }

    private boolean firstUse(TenantId tenant, SignedRequest request) {
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(request.timestamp().strip()));
        return replays.firstUse(tenant, request.signature(), signedAt.plus(SlackSignature.MAX_AGE));
    }

    private boolean signedBy(SlackWorkspace workspace, SignedRequest request) {
        return SlackSignature.verify(workspace.signingSecret(), request.timestamp(), request.body(),
                request.signature(), clock.instant());
    }
}
