package io.intelligencecrm.scheduler.quartz;

import io.intelligencecrm.core.config.SchedulerSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz with the JDBC job store on the product's PostgreSQL (tables from migration V16), in
 * clustered mode: every node runs one, they share triggers through the database, and each firing
 * runs on exactly one node. A node that dies mid-job has its recoverable jobs re-run by another
 * node after the check-in interval. Jobs are built by the product (no reflection on job classes).
 */
public final class QuartzCluster {
    public static final String NAME = "intelligence-crm";

    private QuartzCluster() {
    }

    /** Builds (not starts) a node of the cluster on the application's pool. */
    public static Scheduler create(DataSource pool, SchedulerSettings settings, Map<Class<? extends Job>, Supplier<Job>> jobs)
            throws SchedulerException {
        // Quartz looks its data source up by name in a JVM-wide registry; a unique name per node lets
        // tests run two nodes in one JVM.
        String dataSource = "crm-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, new PoolProvider(pool));
        Properties properties = new Properties();
        properties.put("org.quartz.scheduler.instanceName", NAME);
        properties.put("org.quartz.scheduler.instanceId", settings.instanceId());
        properties.put("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.put("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        properties.put("org.quartz.threadPool.threadCount", String.valueOf(settings.threads()));
        properties.put("org.quartz.threadPool.makeThreadsDaemons", "true");
        properties.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.put("org.quartz.jobStore.dataSource", dataSource);
        properties.put("org.quartz.jobStore.tablePrefix", "qrtz_");
        properties.put("org.quartz.jobStore.isClustered", "true");
        properties.put("org.quartz.jobStore.clusterCheckinInterval", "5000");
        // A firing later than this counts as misfired and its trigger's misfire policy applies.
        properties.put("org.quartz.jobStore.misfireThreshold", "60000");
        // Job data as plain strings, never serialised Java objects.
        properties.put("org.quartz.jobStore.useProperties", "true");
        properties.put("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        StdSchedulerFactory factory = new StdSchedulerFactory(properties);
        Scheduler scheduler = factory.getScheduler();
        // Quartz also keeps one scheduler per name per JVM; this node is held by the product instead.
        SchedulerRepository.getInstance().remove(NAME);
        scheduler.setJobFactory(jobFactory(jobs));
        return scheduler;
    }

    private static JobFactory jobFactory(Map<Class<? extends Job>, Supplier<Job>> jobs) {
        return (bundle, scheduler) -> {
            Supplier<Job> supplier = jobs.get(bundle.getJobDetail().getJobClass());
            if (supplier == null) {
                throw new SchedulerException("no job registered for " + bundle.getJobDetail().getJobClass());
            }
            return supplier.get();
        };
    }

    private record PoolProvider(DataSource pool) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return pool.getConnection();
        }

        @Override
        public void shutdown() {
            // The pool belongs to the application, which closes it after the scheduler.
        }

        @Override
        public void initialize() {
        }
    }
}
