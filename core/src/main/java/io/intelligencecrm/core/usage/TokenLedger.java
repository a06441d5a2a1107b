package io.intelligencecrm.core.usage;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.metrics.CrmMetrics;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Per-tenant accounting of model tokens and the daily budget (UTC days). The check runs before a
 * turn starts, so a turn in progress is never cut off halfway through its tool calls.
 */
public final class TokenLedger {
    private final TenantTransactions transactions;
    private final Clock clock;
    private final long dailyBudget;

    /** @param dailyBudget tokens per tenant per UTC day; 0 means unlimited */
    public TokenLedger(TenantTransactions transactions, Clock clock, long dailyBudget) {
        this.transactions = transactions;
        this.clock = clock;
        this.dailyBudget = dailyBudget;
    }

    /** Records the model calls of one turn together. */
    public void record(TenantId tenant, List<ModelUsage> usages) {
        if (usages.isEmpty()) return;
        transactions.useTenant(tenant, handle -> {
            PreparedBatch batch = handle.prepareBatch("""
                    insert into model_usage (tenant_id, user_id, conversation_id, provider, model, input_tokens,
                                             output_tokens)
                    values (crm_current_tenant(), :userId, :conversationId, :provider, :model, :inputTokens,
                            :outputTokens)""");
            usages.forEach(usage -> batch.bindMethods(usage).add());
            batch.execute();
        });
    }

    public long usedToday(TenantId tenant) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return transactions.inTenant(tenant, handle -> handle.createQuery("""
                        select coalesce(sum(input_tokens + output_tokens), 0) from model_usage
                         where created_at >= :since""")
                .bind("since", today.atStartOfDay(ZoneOffset.UTC).toInstant())
                .mapTo(Long.class).one());
    }

    /** Refuses a new turn once today's budget is spent. */
    public void requireBudget(TenantId tenant) {
        if (dailyBudget <= 0) return;
        long used = usedToday(tenant);
        if (used >= dailyBudget) {
            CrmMetrics.budgetExhausted();
            throw new CrmException(ErrorCode.RATE_LIMITED, "Your team has used today's AI budget (" + used + " of "
                    + dailyBudget + " tokens). It resets at midnight UTC; an admin can raise CRM_AGENT_DAILY_TOKEN_BUDGET.",
                    Map.of(), Map.of("budget", dailyBudget, "used", used));
        }
    }
}
