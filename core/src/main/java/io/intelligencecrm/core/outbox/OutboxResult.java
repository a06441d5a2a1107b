package io.intelligencecrm.core.outbox;

import java.util.Map;

/**
 * What happened to a batch: ids that failed temporarily (retried with backoff) or permanently
 * (stopped, visible with their error). Everything else succeeded.
 */
public record OutboxResult(Map<Long, String> retry, Map<Long, String> permanentFailures) {
    public static OutboxResult allDone() {
        return new OutboxResult(Map.of(), Map.of());
    }
}
