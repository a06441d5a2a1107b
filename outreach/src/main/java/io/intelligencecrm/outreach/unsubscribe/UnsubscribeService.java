package io.intelligencecrm.outreach.unsubscribe;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.outreach.suppression.SuppressionList;
import java.util.Optional;

/** Turns a valid unsubscribe link into a suppression; the link itself is the only credential. */
public final class UnsubscribeService {
    private final UnsubscribeTokens tokens;
    private final SuppressionList suppressions;
    private final String publicUrl;

    public UnsubscribeService(UnsubscribeTokens tokens, SuppressionList suppressions, String publicUrl) {
        this.tokens = tokens;
        this.suppressions = suppressions;
        this.publicUrl = publicUrl;
    }

    public String link(TenantId tenant, String address) {
        return publicUrl + "/unsubscribe/" + tokens.issue(tenant, address);
    }

    /** The address a token stands for, if it is genuine (for the confirmation page). */
    public Optional<String> address(String token) {
        return tokens.verify(token).map(UnsubscribeTokens.Subject::address);
    }

    /** @return the unsubscribed address, or empty when the token is not genuine */
    public Optional<String> unsubscribe(String token) {
        return tokens.verify(token).map(subject -> {
            suppressions.suppress(subject.tenant(), subject.address(), "email", "unsubscribed", "unsubscribe link");
            return subject.address();
        });
    }
}
