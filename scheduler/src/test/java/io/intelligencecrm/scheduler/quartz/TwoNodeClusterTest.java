package io.intelligencecrm.scheduler.quartz;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.intelligencecrm.core.config.SchedulerSettings;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/** Two scheduler nodes on one database (as two app servers would be): every firing runs on exactly one of them. */
@Tag("slow")
class TwoNodeClusterTest {
    static final Map<String, AtomicInteger> FIRINGS = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> BY_NODE = new ConcurrentHashMap<>();

    /** Counts each scheduled fire time, and which node ran it. */
    static final class CountingJob implements Job {
        private final String node;

        CountingJob(String node) {
            this.node = node;
        }

        @Override
        public void execute(JobExecutionContext context) {
            FIRINGS.computeIfAbsent(context.getTrigger().getKey() + "@" + context.getScheduledFireTime().getTime(),
                    firing -> new AtomicInteger()).incrementAndGet();
            BY_NODE.computeIfAbsent(node, n -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static Scheduler node(Database database, String name) throws Exception {
        Supplier<Job> job = () -> new CountingJob(name);
        return QuartzCluster.create(database.appDataSource(), new SchedulerSettings(true, 2, 3, name),
                Map.of(CountingJob.class, job));
    }

    @Test
    void two_scheduler_nodes_against_one_database_fire_each_trigger_once() throws Exception {
        try (Database database = TestPostgres.get().openFreshDatabase(8)) {
            Scheduler first = node(database, "node-a");
            Scheduler second = node(database, "node-b");
            first.start();
            second.start();
            try {
                int triggers = 4;
                int repeats = 9;
                for (int i = 0; i < triggers; i++) {
                    JobDetail job = JobBuilder.newJob(CountingJob.class).withIdentity("count-" + i, "test").build();
                    Trigger trigger = TriggerBuilder.newTrigger().withIdentity("count-" + i, "test")
                            .startAt(Date.from(Instant.now().plusMillis(500)))
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(500)
                                    .withRepeatCount(repeats - 1).withMisfireHandlingInstructionNowWithExistingCount())
                            .build();
                    (i % 2 == 0 ? first : second).scheduleJob(job, Set.of(trigger), true);
                }
                await("every firing ran").atMost(Duration.ofSeconds(30)).until(() -> total() >= triggers * repeats);
                // No firing runs twice: the count stays put after the last one.
                await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                        .until(() -> total() == triggers * repeats);

                assertEquals(triggers * repeats, FIRINGS.size(), "every firing ran; by node: " + BY_NODE);
                for (var entry : FIRINGS.entrySet()) {
                    assertEquals(1, entry.getValue().get(), entry.getKey() + " ran once; by node: " + BY_NODE);
                }
            } finally {
                first.shutdown(true);
                second.shutdown(true);
            }
        }
    }

    private static int total() {
        return FIRINGS.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}
