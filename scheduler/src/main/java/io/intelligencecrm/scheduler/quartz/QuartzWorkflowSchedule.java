package io.intelligencecrm.scheduler.quartz;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserRepository;
import io.intelligencecrm.core.workflow.Workflow;
import io.intelligencecrm.core.workflow.WorkflowDefinition;
import io.intelligencecrm.core.workflow.WorkflowSchedule;
import io.intelligencecrm.core.workflow.WorkflowService;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.Optional;
import org.quartz.CronExpression;
import org.quartz.CronTrigger;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cron workflows as Quartz jobs, one per workflow, in the tenant's group. The cron runs in the
 * definition's time zone, else the owner's (which is the tenant's for an owner without one); a changed
 * zone reschedules it. Misfire policy: do nothing — after downtime a missed
 * firing is skipped and the next regular one runs, so outreach never bursts to catch up.
 */
public final class QuartzWorkflowSchedule implements WorkflowSchedule {
    private static final Logger log = LoggerFactory.getLogger(QuartzWorkflowSchedule.class);

    private final Scheduler scheduler;
    private final UserRepository users;

    public QuartzWorkflowSchedule(Scheduler scheduler, UserRepository users) {
        this.scheduler = scheduler;
        this.users = users;
    }

    static JobKey key(TenantId tenant, UUID workflowId) {
        return new JobKey("workflow-" + workflowId, "tenant-" + tenant.value());
    }

    @Override
    public boolean acceptsCron(String expression) {
        return CronExpression.isValidExpression(expression);
    }

    @Override
    public void activated(TenantId tenant, Workflow workflow) {
        if (!workflow.triggerType().equals("cron")) {
            deactivated(tenant, workflow.id());
            return;
        }
        WorkflowDefinition.Trigger trigger = workflow.parsed().trigger();
        JobKey key = key(tenant, workflow.id());
        JobDetail job = JobBuilder.newJob(CronWorkflowJob.class).withIdentity(key)
                .usingJobData("tenantId", tenant.value().toString())
                .usingJobData("workflowId", workflow.id().toString())
                .requestRecovery(true)
                .build();
        Trigger cron = TriggerBuilder.newTrigger().withIdentity(key.getName(), key.getGroup()).forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(trigger.cron())
                        .inTimeZone(TimeZone.getTimeZone(zone(tenant, workflow, trigger)))
                        .withMisfireHandlingInstructionDoNothing())
                .build();
        try {
            scheduler.scheduleJob(job, Set.of(cron), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not schedule workflow " + workflow.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<NextFiring> nextFiring(TenantId tenant, Workflow workflow) {
        JobKey key = key(tenant, workflow.id());
        try {
            Trigger trigger = scheduler.getTrigger(new TriggerKey(key.getName(), key.getGroup()));
            if (!(trigger instanceof CronTrigger cron) || cron.getNextFireTime() == null) return Optional.empty();
            return Optional.of(new NextFiring(cron.getNextFireTime().toInstant(), cron.getTimeZone().getID()));
        } catch (SchedulerException e) {
            log.warn("Could not read the schedule of workflow {}: {}", workflow.id(), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void deactivated(TenantId tenant, UUID workflowId) {
        try {
            scheduler.deleteJob(key(tenant, workflowId));
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not unschedule workflow " + workflowId + ": " + e.getMessage(), e);
        }
    }

    /** Makes the tenant's Quartz jobs match its active cron workflows (at start-up, after restores). */
    public void reconcile(TenantId tenant, WorkflowService workflows) {
        try {
            List<Workflow> active = workflows.active(tenant, Set.of("cron"));
            Set<JobKey> wanted = new HashSet<>();
            for (Workflow workflow : active) {
                wanted.add(key(tenant, workflow.id()));
                if (!scheduler.checkExists(key(tenant, workflow.id()))) activated(tenant, workflow);
            }
            for (JobKey existing : scheduler.getJobKeys(GroupMatcher.jobGroupEquals("tenant-" + tenant.value()))) {
                if (!wanted.contains(existing)) scheduler.deleteJob(existing);
            }
        } catch (SchedulerException | RuntimeException e) {
            log.warn("Reconciling the schedule of tenant {} failed: {}", tenant, e.getMessage());
        }
    }

    private ZoneId zone(TenantId tenant, Workflow workflow, WorkflowDefinition.Trigger trigger) {
        String name = trigger.timezone() != null ? trigger.timezone()
                : users.find(tenant, workflow.ownerId()).map(User::timezone).orElse("UTC");
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
