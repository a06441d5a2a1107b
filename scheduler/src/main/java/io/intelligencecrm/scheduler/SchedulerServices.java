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
import io.intelligencecrm.scheduler.quartz.ClusterTasks;
import io.intelligencecrm.scheduler.quartz.CronWorkflowJob;
import io.intelligencecrm.scheduler.quartz.DealIdleScanJob;
import io.intelligencecrm.scheduler.quartz.QuartzCluster;
import io.intelligencecrm.scheduler.quartz.QuartzObserver;
import io.intelligencecrm.scheduler.quartz.QuartzWorkflowSchedule;
import io.intelligencecrm.scheduler.steps.AgentStep;
import io.intelligencecrm.scheduler.steps.ConditionStep;
import io.intelligencecrm.scheduler.steps.EmailSteps;
import io.intelligencecrm.scheduler.steps.SmsStep;
import io.intelligencecrm.scheduler.steps.RecordSteps;
import io.intelligencecrm.scheduler.steps.ReportStep;
import io.intelligencecrm.scheduler.steps.WaitSteps;
import io.intelligencecrm.scheduler.triggers.WorkflowEventHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.ScheduleBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
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
    private static final Duration PERIODIC_FIRST_RUN = Duration.ofSeconds(30);

    private final Scheduler quartz;
    private final QuartzWorkflowSchedule schedule;
    private final WorkflowService workflows;
    private final WorkflowRuns runs;
    private final TaskService tasks;
    private final NotificationService notifications;
    private final OutboxDispatcher dispatcher;
    private final DealIdleScanJob idleScan;
    private final CoreServices core;
    private final Duration bounceScan;
    private final ClusterTasks clusterTasks;
    private final Map<String, Optional<Duration>> periodic = new LinkedHashMap<>();
    private boolean started;

    private SchedulerServices(Scheduler quartz, QuartzWorkflowSchedule schedule, WorkflowService workflows,
                              WorkflowRuns runs, TaskService tasks, NotificationService notifications,
                              OutboxDispatcher dispatcher, DealIdleScanJob idleScan, CoreServices core,
                              Duration bounceScan, ClusterTasks clusterTasks) {
        this.bounceScan = bounceScan;
        this.clusterTasks = clusterTasks;
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
        ClusterTasks clusterTasks = new ClusterTasks();
        Scheduler quartz;
        try {
            quartz = QuartzCluster.create(database.appDataSource(), settings, Map.<Class<? extends Job>, Supplier<Job>>of(
                    CronWorkflowJob.class, () -> new CronWorkflowJob(workflows, runs),
                    DealIdleScanJob.class, () -> idleScan,
                    BounceScanJob.class, () -> bounceScan,
                    ClusterTasks.TaskJob.class, clusterTasks::newJob));
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
        actions.add(new AgentStep(agent.chat(), agent.decisions()));
        actions.add(new ConditionStep());
        actions.addAll(RecordSteps.all(core.contacts(), core.deals(), tasks, notifications, slack, clock));
        actions.addAll(EmailSteps.all(outreach.emailQueue(), agent.proposals()));
        actions.add(new SmsStep(outreach.smsQueue()));
        actions.add(new ReportStep(transactions, clock));
        actions.addAll(WaitSteps.all(clock));
        WorkflowRunner runner = new WorkflowRunner(transactions, workflows, runs, users, core.contacts(), core.deals(),
                actions, settings.stepRetries(), clock);
        WorkflowEventHandler events = new WorkflowEventHandler(transactions, workflows, runs, clock);
        OutboxDispatcher dispatcher = new OutboxDispatcher(database, List.of(events, runner), pollInterval,
                settings.stepRetries());
        return new SchedulerServices(quartz, schedule, workflows, runs, tasks, notifications, dispatcher, idleScan, core,
                settings.bounceScan(), clusterTasks);
    }

    /** Starts Quartz (joining the cluster), the global scans, and the run dispatcher. */
    public synchronized void start() {
        if (started) return;
        try {
            scheduleScans();
            for (var entry : periodic.entrySet()) {
                if (entry.getValue().isPresent()) {
                    clusterTasks.schedule(quartz, entry.getKey(), entry.getValue().get(), PERIODIC_FIRST_RUN);
                } else {
                    clusterTasks.cancel(quartz, entry.getKey());
                }
            }
            for (TenantId tenant : core.directory().allTenantIds()) schedule.reconcile(tenant, workflows);
            quartz.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz could not start: " + e.getMessage(), e);
        }
        dispatcher.start();
        started = true;
    }

    /**
     * The deal-idle scan every 15 minutes and the bounce mailboxes as often as configured (5 minutes by
     * default); after downtime one catch-up run happens at once (both are idempotent), not one per missed firing.
     */
    private void scheduleScans() throws SchedulerException {
        scheduleSystemJob(DealIdleScanJob.class, "deal-idle-scan",
                CronScheduleBuilder.cronSchedule("0 0/15 * * * ?").withMisfireHandlingInstructionFireAndProceed());
        scheduleSystemJob(BounceScanJob.class, "bounce-scan", SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInSeconds((int) bounceScan.toSeconds()).repeatForever()
                .withMisfireHandlingInstructionNowWithExistingCount());
    }

    private void scheduleSystemJob(Class<? extends Job> type, String name, ScheduleBuilder<?> schedule)
            throws SchedulerException {
        JobDetail job = JobBuilder.newJob(type).withIdentity(name, "system").requestRecovery(true).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name, "system").forJob(job)
                .startNow().withSchedule(schedule).build();
        quartz.scheduleJob(job, Set.of(trigger), true);
    }

    /**
     * Periodic work of another module, run once per cluster every {@code interval} by Quartz (first
     * soon after start, so a fresh install has its results within a minute or two). An empty interval
     * stops it cluster-wide. Every node registers the same tasks, scheduler enabled or not; call before
     * {@link #start()}.
     */
    public synchronized void everyCluster(String name, Optional<Duration> interval, Runnable task) {
        clusterTasks.register(name, task);
        periodic.put(name, interval);
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
