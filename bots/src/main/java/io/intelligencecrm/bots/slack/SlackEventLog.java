package io.intelligencecrm.bots.slack;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;

/**
 * Slack redelivers an event it believes was not acknowledged in time. The first delivery claims the
 * event id in the database, so a retry reaching any node is recognised and does nothing.
 */
public final class SlackEventLog {
    private final TenantTransactions transactions;

    public SlackEventLog(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** @return true for the first delivery of the event, false for a retry */
    public boolean claim(TenantId tenant, String eventId) {
        return transactions.inTenant(tenant, handle -> {
            // Slack stops retrying within the hour; a day of ids is plenty and keeps the table small.
            handle.createUpdate("delete from slack_events where received_at < now() - interval '1 day'").execute();
            return handle.createUpdate("""
                            insert into slack_events (tenant_id, event_id) values (crm_current_tenant(), :id)
                            on conflict do nothing""")
                    .bind("id", eventId).execute() == 1;
        });
    }
}
