package io.intelligencecrm.scheduler.quartz;

import io.intelligencecrm.core.config.SchedulerSettings;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.db.DatabaseCoordinates;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * A separate JVM: a scheduler node that picks up a recoverable job and dies abruptly
 * ({@code Runtime.halt}) while running it, leaving the firing claimed in the database.
 */
public final class CrashingQuartzNode {
    /** Dies while running. */
    public static final class HaltingJob implements Job {
        @Override
        public void execute(org.quartz.JobExecutionContext context) {
            Runtime.getRuntime().halt(137);
        }
    }

    public static void main(String[] args) throws Exception {
        Database database = new Database(new DatabaseCoordinates(args[0], args[1], args[2], args[3], args[4]), 4);
        Supplier<Job> job = HaltingJob::new;
        Scheduler node = QuartzCluster.create(database.appDataSource(), new SchedulerSettings(true, 2, 3, "node-crash"),
                Map.of(HaltingJob.class, job));
        JobDetail detail = JobBuilder.newJob(HaltingJob.class).withIdentity("recover-me", "test").requestRecovery(true)
                .build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity("recover-me", "test").forJob(detail)
                .startAt(new Date()).build();
        node.scheduleJob(detail, Set.of(trigger), true);
        node.start();
        Thread.sleep(60_000);
        Runtime.getRuntime().halt(1);
    }
}
