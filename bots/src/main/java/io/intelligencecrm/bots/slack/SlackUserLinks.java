package io.intelligencecrm.bots.slack;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Which CRM user each Slack user of the tenant's workspace is. */
public final class SlackUserLinks {
    private static final String COLUMNS = "slack_user_id, user_id, method, created_at";

    private final TenantTransactions transactions;

    public SlackUserLinks(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public Optional<SlackUserLink> find(TenantId tenant, String slackUserId) {
        return transactions.inTenant(tenant, handle -> handle.createQuery(
                        "select " + COLUMNS + " from slack_user_links where slack_user_id = :slack")
                .bind("slack", slackUserId).mapTo(SlackUserLink.class).findOne());
    }

    /** The Slack user a CRM user is linked to (the newest link when several), for direct messages. */
    public Optional<String> slackUserOf(TenantId tenant, UUID userId) {
        return transactions.inTenant(tenant, handle -> handle.createQuery("""
                        select slack_user_id from slack_user_links where user_id = :user
                         order by created_at desc limit 1""")
                .bind("user", userId).mapTo(String.class).findOne());
    }

    public List<SlackUserLink> list(TenantId tenant) {
        return transactions.inTenant(tenant, handle -> handle.createQuery(
                        "select " + COLUMNS + " from slack_user_links order by created_at")
                .mapTo(SlackUserLink.class).list());
    }

    public SlackUserLink link(TenantId tenant, String slackUserId, UUID userId, String method) {
        return transactions.inTenant(tenant, handle -> handle.createQuery("""
                        insert into slack_user_links (tenant_id, slack_user_id, user_id, method)
                        values (crm_current_tenant(), :slack, :user, :method)
                        on conflict (tenant_id, slack_user_id) do update
                           set user_id = excluded.user_id, method = excluded.method, created_at = now()
                        returning\s""" + COLUMNS)
                .bind("slack", slackUserId).bind("user", userId).bind("method", method)
                .mapTo(SlackUserLink.class).one());
    }

    /** @return whether a link was removed */
    public boolean unlink(TenantId tenant, String slackUserId) {
        return transactions.inTenant(tenant, handle -> handle.createUpdate(
                        "delete from slack_user_links where slack_user_id = :slack")
                .bind("slack", slackUserId).execute() == 1);
    }

    /** Disconnecting the workspace forgets who was who in it. */
    public void forgetAll(TenantId tenant) {
        transactions.useTenant(tenant, handle -> handle.createUpdate("delete from slack_user_links").execute());
    }
}
