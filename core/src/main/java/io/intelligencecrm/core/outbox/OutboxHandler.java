package io.intelligencecrm.core.outbox;

import java.util.List;

/** Carries out one kind of side effect. Must be idempotent: a crash can deliver a message twice. */
public interface OutboxHandler {
    String kind();

    /** Largest number of messages handed over at once (batching, e.g. for embeddings). */
    default int batchSize() {
        return 20;
    }

    /**
     * Handles the batch. Messages not listed in the result as failed are marked done.
     * Throwing fails the whole batch (each message retried with backoff).
     */
    OutboxResult handle(List<OutboxMessage> batch) throws Exception;
}
