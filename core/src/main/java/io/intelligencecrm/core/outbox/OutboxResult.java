package io.intelligencecrm.core.outbox;

import java.time.Instant;
import java.util.Map;

/**
 * What happened to a batch: ids that failed temporarily (retried with backoff) or permanently
 * (stopped, visible with their error), and ids deferred to a later time without counting as an
 * attempt (a daily send cap reached, a workflow waiting). Everything else succeeded.
 */
public record OutboxResult(Map<Long, String> retry, Map<Long, String> permanentFailures, Map<Long, Instant> deferred) {

    public OutboxResult(Map<Long, String> retry, Map<Long, String> permanentFailures) {
        this(retry, permanentFailures, Map.of());
    }

    public static OutboxResult allDone() {
        return new OutboxResult(Map.of(), Map.of(), Map.of());
    }
}
