package io.intelligencecrm.scheduler.quartz;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.workflow.WorkflowRuns;
import io.intelligencecrm.core.workflow.WorkflowService;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * A cron workflow's firing: starts one run, keyed by the scheduled fire time, so a job re-run after
 * a crash (Quartz recovery) or a firing seen twice starts nothing twice. The run itself proceeds
 * through the outbox, not on Quartz's thread.
 */
public final class CronWorkflowJob implements Job {
    private final WorkflowService workflows;
    private final WorkflowRuns runs;

    public CronWorkflowJob(WorkflowService workflows, WorkflowRuns runs) {
        this.workflows = workflows;
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        TenantId tenant = TenantId.of(data.getString("tenantId"));
        UUID workflowId = UUID.fromString(data.getString("workflowId"));
        long scheduled = context.getScheduledFireTime().getTime();
        try {
            workflows.find(tenant, workflowId).filter(w -> w.status().equals("active")).ifPresent(workflow ->
                    runs.start(tenant, workflow, "cron:" + scheduled, Map.of("type", "cron",
                            "scheduledAt", Instant.ofEpochMilli(scheduled).toString())));
        } catch (RuntimeException e) {
            // Quartz logs it; this firing is skipped rather than retried in a tight loop (e.g. database down).
            throw new JobExecutionException("starting workflow " + workflowId + " failed: " + e.getMessage(), e);
        }
    }
}
