package io.intelligencecrm.core.config;

import java.time.Duration;

/**
 * Quartz and the workflow engine. Every node of a cluster runs the scheduler against the same
 * database; each firing runs on one node. Read in {@link Settings}; each variable is in docs/operating/configuration.md.
 *
 * @param enabled        false runs no scheduled or event workflows on this node (the API still works)
 * @param threads        Quartz worker threads on this node
 * @param stepRetries    attempts of a failing workflow step before the run stops with its error
 * @param instanceId     this node's name in the cluster; AUTO makes one from the host and time
 * @param bounceScan     how often every tenant's bounce mailbox is read
 */
public record SchedulerSettings(boolean enabled, int threads, int stepRetries, String instanceId,
                                Duration bounceScan) {

    public SchedulerSettings(boolean enabled, int threads, int stepRetries, String instanceId) {
        this(enabled, threads, stepRetries, instanceId, Duration.ofMinutes(5));
    }

    static SchedulerSettings from(Env env) {
        return new SchedulerSettings(
                env.flag("CRM_SCHEDULER_ENABLED", true),
                env.integer("CRM_SCHEDULER_THREADS", 4, 1, 100),
                env.integer("CRM_WORKFLOW_STEP_RETRIES", 5, 1, 50),
                env.string("CRM_SCHEDULER_INSTANCE_ID", "AUTO"),
                Duration.ofSeconds(env.integer("CRM_BOUNCE_SCAN_SECONDS", 300, 10, 86_400)));
    }
}
