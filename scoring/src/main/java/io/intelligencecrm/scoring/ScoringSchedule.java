package io.intelligencecrm.scoring;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The plain periodic trigger of {@link ScoringService#trainAll()}: soon after start (so a fresh
 * install has scores within a minute), then every configured interval. A Quartz job can call
 * {@code trainAll()} instead; this exists so scoring does not depend on the scheduler module.
 */
public final class ScoringSchedule implements AutoCloseable {
    private static final Duration FIRST_RUN = Duration.ofSeconds(30);

    private final ScoringService scoring;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public ScoringSchedule(ScoringService scoring, Duration interval) {
        this.scoring = scoring;
        this.interval = interval;
    }

    public synchronized void start() {
        if (executor != null) return;
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lead-scoring-training");
            thread.setDaemon(true);
            return thread;
        });
        // trainAll isolates each tenant's failure; nothing escapes to cancel the schedule.
        executor.scheduleWithFixedDelay(scoring::trainAll, FIRST_RUN.toSeconds(), interval.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public synchronized void close() {
        if (executor == null) return;
        executor.shutdownNow();
        executor = null;
    }
}
