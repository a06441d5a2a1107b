package io.intelligencecrm.core.identity;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import java.util.Objects;
import java.util.UUID;

/**
 * Who is acting, as established by a verified session (token, API key, cookie) and never by
 * request or model input. Services take it first and check permissions against its role.
 *
 * @param userId   the user acted for (for API keys: null unless the key is bound to a user)
 * @param apiKeyId the API key used, when the caller is a script or bot
 */
public record Actor(TenantId tenant, UUID userId, Role role, Kind kind, UUID apiKeyId) {

    public enum Kind { USER, API_KEY, AGENT, WORKFLOW, SYSTEM }

    public Actor {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
    }

    public static Actor user(TenantId tenant, UUID userId, Role role) {
        return new Actor(tenant, userId, role, Kind.USER, null);
    }

    /** The same person, acting through the agent: same permissions, audited as the agent. */
    public Actor viaAgent() {
        return new Actor(tenant, userId, role, Kind.AGENT, apiKeyId);
    }

    public Actor viaWorkflow() {
        return new Actor(tenant, userId, role, Kind.WORKFLOW, apiKeyId);
    }
}
