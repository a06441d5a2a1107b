package io.intelligencecrm.scheduler.quartz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.config.SchedulerSettings;
import io.intelligencecrm.core.db.Database;
import io.intelligencecrm.core.db.DatabaseCoordinates;
import io.intelligencecrm.core.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.Scheduler;

/**
 * A node (a real separate JVM) dies while running a recoverable job; another node of the cluster
 * notices the missed check-ins and runs the job again, flagged as a recovery.
 */
@Tag("slow")
class CrashRecoveryTest {

    @Test
    void a_job_interrupted_by_a_node_crash_is_recovered_by_another_node() throws Exception {
        try (Database database = TestPostgres.get().openFreshDatabase(4)) {
            DatabaseCoordinates db = database.coordinates();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process crashing = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    CrashingQuartzNode.class.getName(), db.url(), db.ownerUser(), db.ownerPassword(), db.appUser(),
                    db.appPassword())).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(crashing.waitFor(60, TimeUnit.SECONDS));
            assertEquals(137, crashing.exitValue(), "the node died inside the job");

            CountDownLatch recovered = new CountDownLatch(1);
            AtomicBoolean flaggedAsRecovery = new AtomicBoolean();
            Supplier<Job> survivorJob = () -> context -> {
                flaggedAsRecovery.set(context.isRecovering());
                recovered.countDown();
            };
            Scheduler survivor = QuartzCluster.create(database.appDataSource(),
                    new SchedulerSettings(true, 2, 3, "node-survivor"),
                    Map.of(CrashingQuartzNode.HaltingJob.class, survivorJob));
            survivor.start();
            try {
                assertTrue(recovered.await(60, TimeUnit.SECONDS), "the interrupted job ran again on the survivor");
                assertTrue(flaggedAsRecovery.get(), "Quartz marks it as a recovery");
            } finally {
                survivor.shutdown(true);
            }
        }
    }
}
