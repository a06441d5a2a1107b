package io.intelligencecrm.scheduler;

import io.intelligencecrm.agent.AgentServices;
import io.intelligencecrm.bots.slack.SlackNotifier;
import io.intelligencecrm.core.CoreServices;
import io.intelligencecrm.core.config.SchedulerSettings;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.notification.NotificationService;
import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.core.task.TaskService;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.UserRepository;
import io.intelligencecrm.core.workflow.WorkflowRuns;
import io.intelligencecrm.core.workflow.WorkflowService;
import io.intelligencecrm.outreach.OutreachServices;
import io.intelligencecrm.scheduler.engine.StepAction;
import io.intelligencecrm.scheduler.engine.WorkflowRunner;
import io.intelligencecrm.scheduler.quartz.BounceScanJob;
import io.intelligencecrm.scheduler.quartz.CronWorkflowJob;
import io.intelligencecrm.scheduler.quartz.DealIdleScanJob;
import io.intelligencecrm.scheduler.quartz.QuartzCluster;
import io.intelligencecrm.scheduler.quartz.QuartzObserver;
import io.intelligencecrm.scheduler.quartz.QuartzWorkflowSchedule;
import io.intelligencecrm.scheduler.steps.AgentStep;
import io.intelligencecrm.scheduler.steps.ConditionStep;
import io.intelligencecrm.scheduler.steps.EmailSteps;
import io.intelligencecrm.scheduler.steps.RecordSteps;
import io.intelligencecrm.scheduler.steps.ReportStep;
import io.intelligencecrm.scheduler.steps.WaitSteps;
import io.intelligencecrm.scheduler.triggers.WorkflowEventHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workflow engine of one node: Quartz (cron triggers and scans, clustered), the dispatcher
 * that advances runs and matches record events, and the workflow service the API and chat use.
 * Built once by the composition root; {@link #start()} when this node runs background work.
 */
public final class SchedulerServices implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SchedulerServices.class);

    private final Scheduler quartz;
    private final QuartzWorkflowSchedule schedule;
    private final WorkflowService workflows;
    private final WorkflowRuns runs;
    private final TaskService tasks;
    private final NotificationService notifications;
    private final OutboxDispatcher dispatcher;
    private final DealIdleScanJob idleScan;
    private final CoreServices core;
    private boolean started;

    private SchedulerServices(Scheduler quartz, QuartzWorkflowSchedule schedule, WorkflowService workflows,
                              WorkflowRuns runs, TaskService tasks, NotificationService notifications,
                              OutboxDispatcher dispatcher, DealIdleScanJob idleScan, CoreServices core) {
        this.quartz = quartz;
        this.schedule = schedule;
        this.workflows = workflows;
        this.runs = runs;
        this.tasks = tasks;
        this.notifications = notifications;
        this.dispatcher = dispatcher;
        this.idleScan = idleScan;
        this.core = core;
    }

    public static SchedulerServices create(Database database, SchedulerSettings settings, Duration pollInterval,
                                          Clock clock, CoreServices core, AgentServices agent,
                                          OutreachServices outreach) {
        return create(database, settings, pollInterval, clock, core, agent, outreach, null);
    }

    /** @param slack where notify steps with a Slack target post; null without a Slack bot */
    public static SchedulerServices create(Database database, SchedulerSettings settings, Duration pollInterval,
                                          Clock clock, CoreServices core, AgentServices agent,
                                          OutreachServices outreach, SlackNotifier slack) {
        var transactions = database.tenants();
        UserRepository users = new UserRepository(transactions);
        WorkflowRuns runs = core.workflowRuns();
        WorkflowService workflows = core.workflows();
        DealIdleScanJob idleScan = new DealIdleScanJob(core.directory(), transactions, workflows, runs, clock);
        BounceScanJob bounceScan = new BounceScanJob(core.directory(), outreach.bounces());
        Scheduler quartz;
        try {
            quartz = QuartzCluster.create(database.appDataSource(), settings, Map.<Class<? extends Job>, Supplier<Job>>of(
                    CronWorkflowJob.class, () -> new CronWorkflowJob(workflows, runs),
                    DealIdleScanJob.class, () -> idleScan,
                    BounceScanJob.class, () -> bounceScan));
            QuartzObserver observer = new QuartzObserver();
            quartz.getListenerManager().addTriggerListener(observer);
            quartz.getListenerManager().addJobListener(observer);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz could not be set up: " + e.getMessage(), e);
        }
        QuartzWorkflowSchedule schedule = new QuartzWorkflowSchedule(quartz, users);
        workflows.useSchedule(schedule);
        TaskService tasks = core.tasks();
        NotificationService notifications = new NotificationService(transactions);
        List<StepAction> actions = new ArrayList<>();
        actions.add(new AgentStep(agent.chat()));
        actions.add(new ConditionStep());
        actions.addAll(RecordSteps.all(core.contacts(), core.deals(), tasks, notifications, slack, clock));
        actions.addAll(EmailSteps.all(outreach.emailQueue(), agent.proposals()));
        actions.add(new ReportStep(transactions, clock));
        actions.addAll(WaitSteps.all(clock));
        WorkflowRunner runner = new WorkflowRunner(transactions, workflows, runs, users, core.contacts(), core.deals(),
                actions, settings.stepRetries(), clock);
        WorkflowEventHandler events = new WorkflowEventHandler(transactions, workflows, runs, clock);
        OutboxDispatcher dispatcher = new OutboxDispatcher(database, List.of(events, runner), pollInterval,
                settings.stepRetries());
        return new SchedulerServices(quartz, schedule, workflows, runs, tasks, notifications, dispatcher, idleScan, core);
    }

    /** Starts Quartz (joining the cluster), the global scans, and the run dispatcher. */
    public synchronized void start() {
        if (started) return;
        try {
            scheduleScans();
            for (TenantId tenant : core.directory().allTenantIds()) schedule.reconcile(tenant, workflows);
            quartz.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz could not start: " + e.getMessage(), e);
        }
        dispatcher.start();
        started = true;
    }

    /**
     * The deal-idle scan every 15 minutes and the bounce mailboxes every 5; after downtime one catch-up
     * run happens at once (both are idempotent), not one per missed firing.
     */
    private void scheduleScans() throws SchedulerException {
        scheduleSystemJob(DealIdleScanJob.class, "deal-idle-scan", "0 0/15 * * * ?");
        scheduleSystemJob(BounceScanJob.class, "bounce-scan", "30 0/5 * * * ?");
    }

    private void scheduleSystemJob(Class<? extends Job> type, String name, String cron) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(type).withIdentity(name, "system").requestRecovery(true).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name, "system").forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed())
                .build();
        quartz.scheduleJob(job, Set.of(trigger), true);
    }

    public WorkflowService workflows() {
        return workflows;
    }

    public WorkflowRuns runs() {
        return runs;
    }

    public TaskService tasks() {
        return tasks;
    }

    public NotificationService notifications() {
        return notifications;
    }

    public OutboxDispatcher dispatcher() {
        return dispatcher;
    }

    public DealIdleScanJob idleScan() {
        return idleScan;
    }

    public Scheduler quartz() {
        return quartz;
    }

    @Override
    public synchronized void close() {
        dispatcher.close();
        try {
            quartz.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("Quartz did not shut down cleanly: {}", e.getMessage());
        }
    }
}
