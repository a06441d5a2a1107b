package io.intelligencecrm.scheduler.quartz;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic work of other modules (scoring's training, the vector-index pass) run once per cluster by
 * Quartz instead of by a timer on every node. Every node registers the code under a name; the
 * interval is a trigger in the shared job store, fired on one node at a time.
 */
public final class ClusterTasks {
    private static final Logger log = LoggerFactory.getLogger(ClusterTasks.class);
    private static final String GROUP = "cluster-task";
    private static final String TASK = "task";
    private final Map<String, Runnable> tasks = new ConcurrentHashMap<>();

    /** The code of a task, on this node; a firing of a task this node does not know is skipped. */
    public void register(String name, Runnable task) {
        tasks.put(name, task);
    }

    public Job newJob() {
        return new TaskJob(tasks);
    }

    /**
     * Runs the task every {@code interval}, first after {@code firstRun}. A trigger that another node
     * already scheduled with the same interval is kept, so a node joining or restarting does not move
     * the next firing.
     */
    public void schedule(Scheduler quartz, String name, Duration interval, Duration firstRun) throws SchedulerException {
        TriggerKey key = TriggerKey.triggerKey(name, GROUP);
        if (quartz.getTrigger(key) instanceof SimpleTrigger existing
                && existing.getRepeatInterval() == interval.toMillis()) {
            return;
        }
        JobDetail job = JobBuilder.newJob(TaskJob.class).withIdentity(name, GROUP).usingJobData(TASK, name).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(job)
                .startAt(Date.from(Instant.now().plus(firstRun)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        quartz.scheduleJob(job, Set.of(trigger), true);
    }

    /** Stops the task for the whole cluster (its switch was turned off). */
    public void cancel(Scheduler quartz, String name) throws SchedulerException {
        quartz.deleteJob(JobKey.jobKey(name, GROUP));
    }

    /** Runs the named task; a failure is logged and the next firing comes as usual. */
    @DisallowConcurrentExecution
    public static final class TaskJob implements Job {
        private final Map<String, Runnable> tasks;

        TaskJob(Map<String, Runnable> tasks) {
            this.tasks = tasks;
        }

        @Override
        public void execute(JobExecutionContext context) {
            String name = context.getMergedJobDataMap().getString(TASK);
            Runnable task = tasks.get(name);
            if (task == null) {
                log.warn("Cluster task {} fired on a node that does not run it; skipped", name);
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Cluster task {} failed: {}", name, e.getMessage(), e);
            }
        }
    }
}
