package io.intelligencecrm.scheduler.quartz;

import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.core.workflow.Workflow;
import io.intelligencecrm.core.workflow.WorkflowRuns;
import io.intelligencecrm.core.workflow.WorkflowService;
import io.intelligencecrm.scheduler.engine.QuietDeals;
import io.intelligencecrm.scheduler.engine.QuietDeals.QuietDeal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @Override
    public void execute(JobExecutionContext context) {
        scanAll();
    }

    /** @return runs started */
    public int scanAll() {
        int started = 0;
        for (TenantId tenant : directory.activeTenantIds()) {
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
            List<QuietDeal> idle = transactions.inTenant(tenant, handle -> QuietDeals.find(handle, workflow.ownerId(),
                    clock.instant().minus(Duration.ofDays(days)), 500));
            for (QuietDeal deal : idle) {
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
