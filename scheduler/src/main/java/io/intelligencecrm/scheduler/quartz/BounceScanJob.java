package io.intelligencecrm.scheduler.quartz;

import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.outreach.bounce.BounceMailbox;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads every tenant's bounce mailbox; a tenant whose mailbox fails is logged and the others still run. */
@DisallowConcurrentExecution
public final class BounceScanJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(BounceScanJob.class);

    private final TenantDirectory directory;
    private final BounceMailbox bounces;

    public BounceScanJob(TenantDirectory directory, BounceMailbox bounces) {
        this.directory = directory;
        this.bounces = bounces;
    }

    @Override
    public void execute(JobExecutionContext context) {
        for (TenantId tenant : directory.activeTenantIds()) {
            try {
                int suppressed = bounces.poll(tenant);
                if (suppressed > 0) log.info("Bounces suppressed {} addresses of tenant {}", suppressed, tenant);
            } catch (Exception e) {
                log.warn("Reading the bounce mailbox of tenant {} failed: {}", tenant, e.getMessage());
            }
        }
    }
}
