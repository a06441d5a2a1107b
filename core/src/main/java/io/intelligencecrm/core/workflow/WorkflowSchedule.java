package io.intelligencecrm.core.workflow;

import io.intelligencecrm.core.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Keeps time-based triggers (Quartz) in step with the stored workflows; told after each commit. */
public interface WorkflowSchedule {
    /** The workflow is active with this definition (cron triggers are (re)scheduled, others ignored). */
    void activated(TenantId tenant, Workflow workflow);

    /** The workflow was paused, deleted or is a draft: it must not fire. */
    void deactivated(TenantId tenant, UUID workflowId);

    /** Whether the scheduler can run this cron expression; the scheduler owns the cron dialect, not core. */
    boolean acceptsCron(String expression);

    /** When a scheduled workflow fires next, in which time zone; empty when it is not scheduled. */
    Optional<NextFiring> nextFiring(TenantId tenant, Workflow workflow);

    /** @param zone the time zone its cron is read in (the definition's, else the owner's, else the tenant's) */
    record NextFiring(Instant at, String zone) {
    }

    WorkflowSchedule NONE = new WorkflowSchedule() {
        @Override
        public void activated(TenantId tenant, Workflow workflow) {
        }

        @Override
        public void deactivated(TenantId tenant, UUID workflowId) {
        }

        /** Nothing fires without a scheduler; the one that schedules the workflow checks its cron. */
        @Override
        public boolean acceptsCron(String expression) {
            return true;
        }

        @Override
        public Optional<NextFiring> nextFiring(TenantId tenant, Workflow workflow) {
            return Optional.empty();
        }
    };
}
