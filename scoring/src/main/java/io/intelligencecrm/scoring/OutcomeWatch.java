package io.intelligencecrm.scoring;

import io.intelligencecrm.core.tenant.TenantId;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retrains a tenant soon after its outcomes changed a lot — an import that closed many leads, a bulk
 * stage change — instead of at the next daily run. Checked after every batch of rescored changes;
 * the retrain waits a short while, so a change still under way (an import in batches) finishes first
 * and is learned from once. Thread-safe.
 */
public final class OutcomeWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutcomeWatch.class);

    private final ScoringService scoring;
    private final RescoreJobs jobs;
    private final Duration delay;
    private final Set<TenantId> waiting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lead-scoring-outcome-watch");
        thread.setDaemon(true);
        return thread;
    });

    public OutcomeWatch(ScoringService scoring, RescoreJobs jobs, Duration delay) {
        this.scoring = scoring;
        this.jobs = jobs;
        this.delay = delay;
    }

    /** Looks at the tenant's outcomes after a change; schedules a retrain if they moved a lot. */
    public void changed(TenantId tenant) {
        if (waiting.contains(tenant) || scoring.outcomeDrift(tenant).isEmpty() || !waiting.add(tenant)) return;
        timer.schedule(() -> {
            waiting.remove(tenant);
            try {
                scoring.outcomeDrift(tenant).ifPresent(reason -> jobs.startAutomatic(tenant, reason));
            } catch (RuntimeException e) {
                log.warn("Could not start retraining tenant {} after its outcomes changed: {}", tenant, e.getMessage(), e);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
