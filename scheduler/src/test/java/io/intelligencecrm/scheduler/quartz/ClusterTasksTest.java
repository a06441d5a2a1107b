package io.intelligencecrm.scheduler.quartz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.config.SchedulerSettings;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.testing.TestPostgres;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

/** Periodic work that every node registers runs once per interval for the cluster, not once per node. */
@Tag("slow")
class ClusterTasksTest {

    @Test
    void a_task_both_nodes_schedule_runs_once_per_interval_on_one_of_them() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (Database database = TestPostgres.get().openFreshDatabase(6)) {
            Scheduler first = node(database, "node-a", runs);
            Scheduler second = node(database, "node-b", runs);
            first.start();
            second.start();
            try {
                long started = System.nanoTime();
                Thread.sleep(5_000);
                double intervals = (System.nanoTime() - started) / 1e9;
                int ran = runs.get();
                // Two uncoordinated timers would run about twice per second here.
                assertTrue(ran >= 2 && ran <= intervals + 1.5, ran + " runs in " + intervals + " s");
                int triggers = database.jdbi().withHandle(handle -> handle.createQuery(
                        "select count(*) from qrtz_triggers where trigger_group = 'cluster-task'").mapTo(Integer.class).one());
                assertEquals(1, triggers, "scheduling it again from another node kept the one trigger");
            } finally {
                first.shutdown(true);
                second.shutdown(true);
            }
        }
    }

    /** A node that registers the task and schedules it, as every app node does at start. */
    private static Scheduler node(Database database, String name, AtomicInteger runs) throws Exception {
        ClusterTasks tasks = new ClusterTasks();
        tasks.register("count", runs::incrementAndGet);
        Scheduler quartz = QuartzCluster.create(database.appDataSource(), new SchedulerSettings(true, 2, 3, name),
                Map.of(ClusterTasks.TaskJob.class, tasks::newJob));
        tasks.schedule(quartz, "count", Duration.ofSeconds(1), Duration.ZERO);
        return quartz;
    }
}
