package io.intelligencecrm.bots.slack;

import io.intelligencecrm.core.secret.SecretBox;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Connected workspaces: the tenant's row holds the sealed credentials (row-level security); two
 * definer functions map an incoming request's team id to its tenant before any tenant is known.
 */
public final class SlackWorkspaces {
    private final Jdbi directory;
    private final TenantTransactions transactions;
    private final SecretBox box;

    public SlackWorkspaces(Jdbi directory, TenantTransactions transactions, SecretBox box) {
        this.directory = directory;
        this.transactions = transactions;
        this.box = box;
    }

    public Optional<TenantId> tenantOfTeam(String teamId) {
        if (teamId == null || teamId.isBlank()) return Optional.empty();
        return directory.withHandle(handle -> handle.createQuery(
                        "select tenant from crm_slack_team_tenant(:team) as tenant where tenant is not null")
                .bind("team", teamId).mapTo(UUID.class).findOne().map(TenantId::new));
    }

    /** Every tenant with a workspace, most recently connected first. */
    public List<TenantId> connectedTenants() {
        return directory.withHandle(handle -> handle.createQuery("select crm_slack_connected_tenants()")
                .mapTo(UUID.class).map(TenantId::new).list());
    }

    public Optional<SlackWorkspace> find(TenantId tenant) {
        return transactions.inTenant(tenant, handle -> handle.createQuery("""
                        select team_id, team_name, bot_user_id, bot_token_sealed, signing_secret_sealed
                          from slack_workspaces""")
                .map((rs, ctx) -> new SlackWorkspace(tenant, rs.getString("team_id"), rs.getString("team_name"),
                        rs.getString("bot_user_id"), box.open(rs.getString("bot_token_sealed")),
                        box.open(rs.getString("signing_secret_sealed"))))
                .findOne());
    }

    public SlackConnection connection(TenantId tenant) {
        return transactions.inTenant(tenant, handle -> handle.createQuery("""
                        select team_id, team_name, bot_user_id, connected_by, connected_at from slack_workspaces""")
                .map((rs, ctx) -> new SlackConnection(true, rs.getString("team_id"), rs.getString("team_name"),
                        rs.getString("bot_user_id"), rs.getObject("connected_by", UUID.class),
                        rs.getTimestamp("connected_at").toInstant()))
                .findOne().orElse(SlackConnection.NONE));
    }

    /** Whether another tenant already connected this workspace (one workspace answers to one tenant). */
    public boolean takenByAnother(TenantId tenant, String teamId) {
        return tenantOfTeam(teamId).filter(owner -> !owner.equals(tenant)).isPresent();
    }

    /** Connects or replaces the tenant's workspace. */
    public void save(TenantId tenant, SlackApi.Identity identity, String botToken, String signingSecret, UUID by) {
        transactions.useTenant(tenant, handle -> {
            handle.createUpdate("""
                            insert into slack_workspaces (tenant_id, team_id, team_name, bot_user_id, bot_token_sealed,
                                                          signing_secret_sealed, connected_by)
                            values (crm_current_tenant(), :team, :name, :bot, :token, :secret, :by)
                            on conflict (tenant_id) do update
                               set team_id = excluded.team_id, team_name = excluded.team_name,
                                   bot_user_id = excluded.bot_user_id, bot_token_sealed = excluded.bot_token_sealed,
                                   signing_secret_sealed = excluded.signing_secret_sealed,
                                   connected_by = excluded.connected_by, connected_at = now()""")
                    .bind("team", identity.teamId()).bind("name", identity.teamName())
                    .bind("bot", identity.botUserId()).bind("token", box.seal(botToken))
                    .bind("secret", box.seal(signingSecret)).bind("by", by)
                    .execute();
        });
    }

    /** @return whether a workspace was connected */
    public boolean delete(TenantId tenant) {
        return transactions.inTenant(tenant,
                handle -> handle.createUpdate("delete from slack_workspaces").execute() == 1);
    }
}
