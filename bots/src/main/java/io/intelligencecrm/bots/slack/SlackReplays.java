package io.intelligencecrm.bots.slack;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.time.Instant;

/**
 * A signed request from Slack is accepted once. Its signature is remembered in the database (so a
 * replay to another node is recognised too) until its timestamp is too old to pass the freshness
 * check anyway; a second request with the same signature is a copy and does nothing.
 */
final class SlackReplays {
    private final TenantTransactions transactions;

    SlackReplays(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** @return true the first time this signature is seen for the tenant, false for a replay */
    boolean firstUse(TenantId tenant, String signature, Instant forgetAfter) {
        return transactions.inTenant(tenant, handle -> {
            handle.createUpdate("delete from slack_request_signatures where tenant_id = crm_current_tenant()"
                    + " and expires_at < now()").execute();
            return handle.createUpdate("""
                            insert into slack_request_signatures (tenant_id, signature, expires_at)
                            values (crm_current_tenant(), :signature, :expires)
                            on conflict do nothing""")
                    .bind("signature", signature.strip()).bind("expires", forgetAfter).execute() == 1;
        });
    }
}
