package io.intelligencecrm.evals;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.List;
import java.util.UUID;

/**
 * Scenario SQL, run as the application role inside the demo tenant, so row-level security limits it
 * to the tenant exactly as it limits the product. The SQL is the scenario author's, never a user's.
 */
final class TenantQueries {
    private final TenantTransactions transactions;
    private final TenantId tenant;

    TenantQueries(TenantTransactions transactions, TenantId tenant) {
        this.transactions = transactions;
        this.tenant = tenant;
    }

    void execute(String sql) {
        transactions.useTenant(tenant, handle -> handle.createScript(sql).execute());
    }

    /** The first column of the only row, as text; null for SQL null or no row. */
    String scalar(String sql) {
        return transactions.inTenant(tenant, handle -> handle.createQuery(sql).mapTo(String.class).findFirst()
                .orElse(null));
    }

    List<AttemptResult.ToolRun> toolRuns(UUID conversation) {
        if (conversation == null) return List.of();
        return transactions.inTenant(tenant, handle -> handle.createQuery("""
                        select diff ->> 'tool' as tool, diff ->> 'outcome' as outcome,
                               coalesce(diff ->> 'arguments', '') as arguments
                        from audit_log
                        where action = 'agent.tool' and conversation_id = :conversation
                        order by id""")
                .bind("conversation", conversation)
                .map((rows, context) -> new AttemptResult.ToolRun(rows.getString("tool"), rows.getString("outcome"),
                        rows.getString("arguments")))
                .list());
    }
}
