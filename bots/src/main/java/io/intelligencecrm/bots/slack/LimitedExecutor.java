package io.intelligencecrm.bots.slack;

import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * Runs at most {@code limit} of its tasks at once on the given executor; the rest wait their turn.
 * A burst of Slack messages then queues agent turns instead of taking every database connection, so
 * the next request from Slack is still acknowledged within its three seconds.
 */
final class LimitedExecutor implements Executor {
    private final Executor executor;
    private final Semaphore permits;

    LimitedExecutor(Executor executor, int limit) {
        this.executor = executor;
        this.permits = new Semaphore(limit, true);
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(() -> {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                task.run();
            } finally {
                permits.release();
            }
        });
    }
}
