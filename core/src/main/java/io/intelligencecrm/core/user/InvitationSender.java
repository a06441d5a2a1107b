package io.intelligencecrm.core.user;

import io.intelligencecrm.core.tenant.TenantId;

/**
 * Delivers an invitation's one-time set-password link. Until mail is configured the link is
 * only returned to the inviting admin, who passes it on.
 */
public interface InvitationSender {
    /** @return true if the link was sent to the invitee */
    boolean send(TenantId tenant, User invitee, String tenantName, String link);

    InvitationSender NONE = (tenant, invitee, tenantName, link) -> false;
}
