package io.intelligencecrm.scheduler.quartz;

import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.core.workflow.Workflow;
import io.intelligencecrm.core.workflow.WorkflowRuns;
import io.intelligencecrm.core.workflow.WorkflowService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the owner's open deals with no change and no interaction for N days and starts a run of each
 * "deal idle" workflow per deal, once per idle stretch (the key holds the last activity time).
 * Fans out per tenant: one tenant's failure is logged and the others are still scanned.
 */
@DisallowConcurrentExecution
public final class DealIdleScanJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(DealIdleScanJob.class);

    private final TenantDirectory directory;
    private final TenantTransactions transactions;
    private final WorkflowService workflows;
    private final WorkflowRuns runs;
    private final Clock clock;

    public DealIdleScanJob(TenantDirectory directory, TenantTransactions transactions, WorkflowService workflows,
                           WorkflowRuns runs, Clock clock) {
        this.directory = directory;
        this.transactions = transactions;
        this.workflows = workflows;
        this.runs = runs;
        this.clock = clock;
    }

    private record IdleDeal(UUID id, Instant lastActivity) {
    }

    @Override
    public void execute(JobExecutionContext context) {
        scanAll();
    }

    /** @return runs started */
    public int scanAll() {
        int started = 0;
        for (TenantId tenant : directory.allTenantIds()) {
            try {
                started += scan(tenant);
            } catch (RuntimeException e) {
                log.warn("Deal idle scan for tenant {} failed: {}", tenant, e.getMessage());
            }
        }
        return started;
    }

    private int scan(TenantId tenant) {
        int started = 0;
        for (Workflow workflow : workflows.active(tenant, Set.of("deal_idle"))) {
            int days = workflow.parsed().trigger().days();
            List<IdleDeal> idle = transactions.inTenant(tenant, handle -> handle.createQuery("""
                            select d.id, greatest(d.updated_at, coalesce(max(i.occurred_at), d.updated_at)) as last_activity
                              from deals d
                              left join interactions i on i.tenant_id = d.tenant_id and i.deal_id = d.id
                                                      and i.deleted_at is null
                             where d.deleted_at is null and d.stage not in ('won', 'lost') and d.owner_id = :owner
                             group by d.tenant_id, d.id
                            having greatest(d.updated_at, coalesce(max(i.occurred_at), d.updated_at)) < :cutoff
                             limit 500""")
                    .bind("owner", workflow.ownerId()).bind("cutoff", clock.instant().minus(Duration.ofDays(days)))
                    .map((rs, ctx) -> new IdleDeal(rs.getObject("id", UUID.class),
                            rs.getTimestamp("last_activity").toInstant())).list());
            for (IdleDeal deal : idle) {
                if (runs.start(tenant, workflow, "idle:" + deal.id() + ":" + deal.lastActivity().toEpochMilli(),
                        Map.of("type", "deal_idle", "entityType", "deal", "entityId", deal.id().toString(),
                                "idleDays", days, "lastActivity", deal.lastActivity().toString())).isPresent()) {
                    started++;
                }
            }
        }
        return started;
    }
}
