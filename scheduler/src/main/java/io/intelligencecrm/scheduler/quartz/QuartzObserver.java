package io.intelligencecrm.scheduler.quartz;

import io.intelligencecrm.core.logging.LogContext;
import io.intelligencecrm.core.metrics.CrmMetrics;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.Trigger;
import org.quartz.TriggerListener;

/**
 * Counts Quartz firings and misfires per kind of job (a workflow, or a named system scan; never per
 * tenant), and gives each job's log lines the job and its tenant. Quartz calls the job listener on
 * the worker thread, just before and just after the job runs.
 */
public final class QuartzObserver implements TriggerListener, JobListener {
    private static final String SCOPE = "crm.logScope";

    @Override
    public String getName() {
        return "crm-observer";
    }

    /** "workflow" for a tenant's cron workflow, the job's own name for a system scan. */
    static String kind(JobKey key) {
        return "system".equals(key.getGroup()) ? key.getName() : "workflow";
    }

    @Override
    public void triggerFired(Trigger trigger, JobExecutionContext context) {
        CrmMetrics.quartzFired(kind(trigger.getJobKey()));
    }

    @Override
    public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
        return false;
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
        CrmMetrics.quartzMisfired(kind(trigger.getJobKey()));
    }

    @Override
    public void triggerComplete(Trigger trigger, JobExecutionContext context,
                                Trigger.CompletedExecutionInstruction instruction) {
    }

    @Override
    public void jobToBeExecuted(JobExecutionContext context) {
        context.put(SCOPE, LogContext.with(LogContext.JOB, "quartz:" + kind(context.getJobDetail().getKey()),
                LogContext.TENANT_ID, context.getMergedJobDataMap().getString("tenantId"),
                LogContext.RUN_ID, context.getFireInstanceId()));
    }

    @Override
    public void jobExecutionVetoed(JobExecutionContext context) {
        closeScope(context);
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
        closeScope(context);
    }

    private static void closeScope(JobExecutionContext context) {
        if (context.get(SCOPE) instanceof LogContext.Scope scope) scope.close();
    }
}
