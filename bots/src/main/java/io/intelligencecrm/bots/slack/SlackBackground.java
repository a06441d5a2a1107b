package io.intelligencecrm.bots.slack;

import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the work behind an acknowledged Slack request runs: at most {@code limit} tasks at once, the
 * rest waiting their turn. A burst of Slack messages then queues agent turns instead of taking every
 * database connection, so Slack's next request is still acknowledged within its three seconds. A
 * task's failure is logged; Slack already has its answer.
 */
final class SlackBackground {
    private static final Logger log = LoggerFactory.getLogger(SlackBackground.class);

    private final Executor executor;
    private final Semaphore permits;

    SlackBackground(Executor executor, int limit) {
        this.executor = executor;
        this.permits = new Semaphore(limit, true);
    }

    void run(String what, Runnable task) {
        executor.execute(() -> {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Slack {} failed: {}", what, e.toString());
            } finally {
                permits.release();
            }
        });
    }
}
