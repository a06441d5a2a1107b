package io.intelligencecrm.bots;

import io.intelligencecrm.core.logging.LogContext;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the work behind an acknowledged bot request (Slack, inbound mail) runs: at most {@code limit}
 * tasks at once, the rest waiting their turn. A burst of messages then queues agent turns instead of
 * taking every database connection, so the next request is still acknowledged at once (Slack allows
 * three seconds). A task's failure is logged; the caller already has its answer.
 */
public final class BackgroundTurns {
    private static final Logger log = LoggerFactory.getLogger(BackgroundTurns.class);

    private final Executor executor;
    private final Semaphore permits;

    public BackgroundTurns(Executor executor, int limit) {
        this.executor = executor;
        this.permits = new Semaphore(limit, true);
    }

    public void run(String what, Runnable task) {
        // The request that queued the work names it in the log: its id travels with the task.
        executor.execute(LogContext.carried(() -> {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("{} failed: {}", what, e.toString());
            } finally {
                permits.release();
            }
        }));
    }
}
